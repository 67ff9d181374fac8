import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { isJsxElement, literalAttribute, textOf, walk } from './mdx-body.ts';

/**
 * The link conventions of handbook and docs bodies, shared by the
 * `handbook-link` rule and anything that renders or rewrites those links.
 *
 * Pages link to each other by relative file links to `.md` or `.mdx` files,
 * resolved as GitHub resolves them (so links also work when browsing the
 * repository, and an adopted handbook's links work unchanged), headings by
 * their github-slugger slug (what GitHub and the sites' heading ids
 * produce), and generated pages by a few fixed site paths.
 */

/** What the `handbook-link` rule reads in a body: the links it writes and the anchors it defines. */
export interface BodyOutline {
  links: BodyLink[];
  anchors: Set<string>;
  /** Markdown images (`![alt](src)`): the build imports a relative one as a file. */
  images: { url: string; offset: number }[];
}

/** Every Markdown image of a body, with its offset in the body text. */
export function imagesOf(tree: Root): BodyOutline['images'] {
  const images: BodyOutline['images'] = [];
  walk(tree, (node) => {
    const offset = node.position?.start.offset;
    if (node.type === 'image' && offset !== undefined) images.push({ url: node.url, offset });
  });
  return images;
}

/**
 * Why the build could not use the image at `url` in a body of `page` (a
 * path from the content root), or undefined when it can: the build imports
 * a relative image, so the file must exist in the content root and be an
 * image. Addresses with a scheme and site paths are not files here.
 */
export function relativeImageProblem(url: string, page: string, assets: ReadonlyMap<string, string>): string | undefined {
  if (SCHEME.test(url) || url.startsWith('/')) return undefined;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), decode(url.split(/[?#]/)[0]!)));
  if (file === '..' || file.startsWith('../')) return `The image "${url}" is outside the content root, which the build does not read.`;
  const kind = assets.get(file);
  if (kind === undefined) return `The image "${url}" points to ${file}, which is not a file in features/, docs/ or handbook/.`;
  if (kind === 'other') return `The image "${url}" points to ${file}, which is not an image (its contents are not PNG, JPEG, GIF, WebP, AVIF or SVG).`;
  return undefined;
}

/** The folders whose `.mdx` files are pages, and so valid link targets. */
export type PageCollection = 'handbook' | 'docs' | 'features';

/** Site paths the site builds from data rather than from a page file. */
export type GeneratedSection = 'features' | 'people' | 'changelog';

export const GENERATED_PATHS = ['/features/', '/features/<feature-id>/', '/people/', '/people/<person-id>/', '/changelog/'] as const;

export interface BodyLink {
  url: string;
  /** Offset of the link in the body text. */
  offset: number;
  /** Written as a JSX `<a href>` rather than in Markdown. */
  jsx: boolean;
}

/**
 * Every anchor a page body defines: heading slugs in document order with one
 * slugger for the page (so a repeated heading gets `-1`, `-2`), plus the
 * `id` and `name` attributes of elements (JSX in MDX, raw HTML in Markdown).
 * A heading with an explicit id does not advance the slugger, as in Astro.
 */
export function anchorsOf(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'heading') {
      anchors.add(slugger.slug(textOf(node)));
    } else if (isJsxElement(node)) {
      for (const name of ['id', 'name']) {
        const value = literalAttribute(node, name);
        if (value) anchors.add(value);
      }
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_ANCHOR)) {
        const value = match[1] ?? match[2] ?? match[3];
        if (value) anchors.add(value);
      }
    }
  });
  return anchors;
}

/** `id="x"`, `name='x'` or `id=x` inside a tag of raw HTML (`<a name="top"></a>`). */
const HTML_ANCHOR = /<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/**
 * Every link target written in a body: inline links, definitions (which
 * link references use), and `href` on JSX `<a>` elements.
 */
export function linksOf(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  walk(tree, (node) => {
    const offset = node.position?.start.offset;
    if (offset === undefined) return;
    if (node.type === 'link') links.push({ url: node.url, offset, jsx: false });
    // Without GFM, a footnote definition (`[^1]: text`) parses as a link definition; it is not a link.
    else if (node.type === 'definition' && !node.label?.startsWith('^')) links.push({ url: node.url, offset, jsx: false });
    else if (isJsxElement(node) && node.name === 'a') {
      const href = literalAttribute(node, 'href');
      if (href !== undefined) links.push({ url: href, offset, jsx: true });
    }
  });
  return links;
}

/** A page file of the content root: the collection it is in, its id, and its path from the root. */
export interface PageRef {
  collection: PageCollection;
  id: string;
  file: string;
}

/**
 * What the content root holds, for resolving links the way GitHub does
 * (`x.md`, `x.mdx`, `x`, `x/`): built from the load (`linkFilesOf`), so
 * resolving a link never reads the disk.
 */
export interface LinkFiles {
  /** The page in a file (`handbook/People Ops/Swag.md`), valid or not. */
  page(file: string): PageRef | undefined;
  /** A folder's page (its index, else its README), by the folder's path (`handbook/people`). */
  folderPage(folder: string): PageRef | undefined;
  /** Whether a file that is not a page exists beside the pages (an image, a PDF). */
  isAsset(file: string): boolean;
  /** URL prefixes that are outside the content root (process.yaml `externalLinks`). */
  externalPrefixes: readonly string[];
}

/** Where a link goes. */
export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'empty' }
  /** `#heading` on the linking page. */
  | { kind: 'self'; fragment: string }
  /** A page; `file` is its path from the content root (`handbook/team.mdx`). */
  | { kind: 'page'; collection: PageCollection; id: string; file: string; fragment?: string | undefined }
  | { kind: 'generated'; section: GeneratedSection; id?: string | undefined; fragment?: string | undefined }
  /** A site-absolute path the site does not generate. */
  | { kind: 'unknown-site-path'; sitePath: string }
  /** A file beside the pages that is not a page (an image, a PDF): fine when it exists. */
  | { kind: 'asset'; file: string }
  /**
   * Nothing there: no page, folder page or file. `page` is set when the link
   * names a page file (`.md`, `.mdx`) that does not exist, or a folder without a page.
   */
  | { kind: 'missing'; file: string; page?: PageCollection | undefined }
  | { kind: 'outside-root'; file: string };

export type PageTarget = Extract<LinkTarget, { kind: 'page' }>;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const COLLECTIONS: readonly PageCollection[] = ['handbook', 'docs', 'features'];
/** Page files: `.md` or `.mdx` in the handbook and docs, `.mdx` in features. */
export const PAGE_EXTENSION = /\.mdx?$/;

/**
 * Classifies a link written in `fromFile` (a page path relative to the
 * content root, `/` separators), the way GitHub resolves it in the
 * repository: relative to the page, or from the content root when it starts
 * with `/handbook/`, `/docs/` or `/features/<file>.mdx`; to a page file, the
 * same name without its extension, or a folder (its page). Query strings are
 * ignored; percent-escapes are decoded.
 *
 * With `files` (the validator, the internal site) every target is looked up;
 * without it (the public site's articles, which are flat and named by their
 * ids) a path is judged by its shape alone.
 */
export function resolveLink(url: string, fromFile: string, files?: LinkFiles): LinkTarget {
  if (SCHEME.test(url) || url.startsWith('//')) return { kind: 'external' };
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : decode(url.slice(hashAt + 1));
  const linkPath = decode(beforeHash.split('?')[0]!);
  if (linkPath === '') return fragment === undefined || fragment === '' ? { kind: 'empty' } : { kind: 'self', fragment };

  let file: string;
  if (linkPath.startsWith('/')) {
    // Normalized first: `/changelog/../features/x/` is the features page, wherever it claims to start.
    const sitePath = path.posix.normalize(linkPath);
    const first = sitePath.split('/')[1];
    // `/features/x/` is the site's feature page; `/features/x.mdx` is the file.
    const isContentPath = first === 'handbook' || first === 'docs' || (first === 'features' && PAGE_EXTENSION.test(sitePath));
    if (!isContentPath) return resolveSitePath(sitePath, fragment);
    file = sitePath.slice(1);
  } else {
    file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), linkPath));
  }
  if (file === '..' || file.startsWith('../')) return { kind: 'outside-root', file };
  const folder = linkPath.endsWith('/') || file === '.' || file.endsWith('/');
  file = file.replace(/\/+$/, '');
  const frag = fragment || undefined;
  const found = files ? lookUp(file, folder, files) : byShape(file, folder);
  return found.kind === 'page' ? { ...found, fragment: frag } : found;
}

/** The target of a path from the content root, as the load knows it. */
function lookUp(file: string, folder: boolean, files: LinkFiles): LinkTarget {
  if (!folder) {
    const page = files.page(file);
    if (page) return { kind: 'page', ...page };
    if (files.isAsset(file)) return { kind: 'asset', file };
    // GitHub has no extensionless pages, but the site does, and people write them: `../team` is team.md.
    if (!PAGE_EXTENSION.test(file)) {
      const named = files.page(`${file}.md`) ?? files.page(`${file}.mdx`);
      if (named) return { kind: 'page', ...named };
    }
  }
  if (!PAGE_EXTENSION.test(file) || folder) {
    const page = files.folderPage(file);
    if (page) return { kind: 'page', ...page };
  }
  const collection = COLLECTIONS.find((c) => file === c || file.startsWith(`${c}/`));
  const looksLikePage = folder || PAGE_EXTENSION.test(file) || !/\.[^/]*$/.test(file);
  return { kind: 'missing', file: folder ? `${file}/` : file, page: looksLikePage ? collection : undefined };
}

/** The target of a path judged by its shape: a page file or extensionless name in a collection is that page. */
function byShape(file: string, folder: boolean): LinkTarget {
  const [first, ...rest] = file.split('/');
  const collection = COLLECTIONS.find((c) => c === first);
  if (collection && !folder && rest.length > 0) {
    const hasExtension = /\.[^/]*$/.test(file);
    if (PAGE_EXTENSION.test(file) || !hasExtension) {
      const id = rest.join('/').replace(PAGE_EXTENSION, '');
      // Only the handbook nests pages in folders; docs and features are flat.
      if (collection === 'handbook' || !id.includes('/')) return { kind: 'page', collection, id, file };
    }
    if (hasExtension && !PAGE_EXTENSION.test(file)) return { kind: 'asset', file };
  }
  return { kind: 'missing', file: folder ? `${file}/` : file, page: collection };
}

/** The lookups `resolveLink` needs, from a loaded content root. */
export function linkFilesOf(content: {
  pageFiles: ReadonlyMap<string, PageRef>;
  assets: ReadonlyMap<string, unknown>;
  process: { externalLinks: readonly string[] };
}): LinkFiles {
  const folders = new Map<string, PageRef>();
  for (const ref of content.pageFiles.values()) {
    if (ref.collection !== 'handbook') continue;
    if (ref.id === 'index') folders.set('handbook', ref);
    else if (ref.id.endsWith('/index')) {
      // The folder as written on disk: the page file's own folder.
      folders.set(path.posix.dirname(ref.file), ref);
    }
  }
  return {
    page: (file) => content.pageFiles.get(file),
    folderPage: (folder) => folders.get(folder),
    isAsset: (file) => content.assets.has(file),
    externalPrefixes: content.process.externalLinks,
  };
}

/** Whether `url` starts with one of the declared external prefixes. */
export function isDeclaredExternal(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => url.startsWith(prefix));
}

function resolveSitePath(sitePath: string, fragment: string | undefined): LinkTarget {
  // Astro serves these with or without the trailing slash.
  const parts = sitePath.split('/').filter(Boolean);
  const frag = fragment || undefined;
  if (parts.length === 1 && (parts[0] === 'features' || parts[0] === 'people' || parts[0] === 'changelog')) {
    return { kind: 'generated', section: parts[0], fragment: frag };
  }
  if (parts.length === 2 && (parts[0] === 'features' || parts[0] === 'people')) {
    return { kind: 'generated', section: parts[0], id: parts[1], fragment: frag };
  }
  return { kind: 'unknown-site-path', sitePath };
}

/** Why an article may not link to `url`, or undefined when it may (whether the target exists is `handbook-link`'s question). */
export function articleLinkProblem(url: string, page: string): string | undefined {
  const target = resolveLink(url, page);
  switch (target.kind) {
    case 'empty':
    case 'self':
      return undefined;
    case 'external':
      return isHttps(url) ? undefined : `The link "${url}" is not a full https:// address.`;
    case 'page':
      return target.collection === 'docs' ? undefined : `The link "${url}" points to the internal page ${target.file}, which the public site does not have.`;
    case 'generated':
      return target.section === 'changelog' ? undefined : `The link "${url}" points to the internal page /${target.section}/, which the public site does not have.`;
    case 'unknown-site-path':
      return /^\/changelog(?:\/|$)/.test(target.sitePath) ? undefined : `The link "${url}" is a site path the public site does not have.`;
    case 'missing':
      // A missing article is handbook-link's finding; where the link may point is this question.
      return target.page === 'docs' && !target.file.endsWith('/') ? undefined : `The link "${url}" points to ${target.file}, which is not an article.`;
    case 'asset':
    case 'outside-root':
      return `The link "${url}" points to ${target.file}, which is not an article.`;
  }
}

/** Whether `url` is a full https:// address with a host. */
export function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** A link from `fromFile` to `toFile` (both relative to the content root), as an author would write it. */
export function relativeLink(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
