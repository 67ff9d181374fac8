import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { isJsxElement, literalAttribute, textOf, walk } from './mdx-body.ts';

/**
 * The link conventions of handbook and docs bodies, shared by the
 * `handbook-link` rule and anything that renders or rewrites those links.
 *
 * Pages link to each other by relative file links to `.mdx` files (so links
 * also work when browsing the repository), headings by their github-slugger
 * slug (what GitHub and Astro's heading ids produce), and generated pages by a
 * few fixed site paths.
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
 * explicit `id` attributes of JSX elements. A heading with an explicit id
 * does not advance the slugger, as in Astro.
 */
export function anchorsOf(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'heading') {
      anchors.add(slugger.slug(textOf(node)));
    } else if (isJsxElement(node)) {
      const id = literalAttribute(node, 'id');
      if (id) anchors.add(id);
    }
  });
  return anchors;
}

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

/** Where a link goes, before anyone checks that it exists. */
export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'empty' }
  /** `#heading` on the linking page. */
  | { kind: 'self'; fragment: string }
  /** A page file; `file` is relative to the content root (`handbook/team.mdx`). */
  | { kind: 'page'; collection: PageCollection; id: string; file: string; fragment?: string | undefined }
  | { kind: 'generated'; section: GeneratedSection; id?: string | undefined; fragment?: string | undefined }
  /** A site-absolute path the site does not generate. */
  | { kind: 'unknown-site-path'; sitePath: string }
  /** A relative link to something that is not a page file (a folder, a .md, an image, a page without .mdx). */
  | { kind: 'not-a-page'; file: string }
  | { kind: 'outside-root'; file: string }
  /** A relative path without `./` or `../`: the sites only rewrite links that start with one of them. */
  | { kind: 'unprefixed'; prefixed: string; page: PageTarget };

export type PageTarget = Extract<LinkTarget, { kind: 'page' }>;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const COLLECTIONS: readonly PageCollection[] = ['handbook', 'docs', 'features'];

/**
 * Classifies a link written in `fromFile` (a page path relative to the
 * content root, `/` separators). Query strings are ignored; percent-escapes
 * are decoded.
 */
export function resolveLink(url: string, fromFile: string): LinkTarget {
  if (SCHEME.test(url) || url.startsWith('//')) return { kind: 'external' };
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : decode(url.slice(hashAt + 1));
  const rawPath = beforeHash.split('?')[0]!;
  const linkPath = decode(rawPath);
  if (linkPath === '') return fragment === undefined || fragment === '' ? { kind: 'empty' } : { kind: 'self', fragment };

  // Normalized first: `/changelog/../features/x/` is the features page, wherever it claims to start.
  if (linkPath.startsWith('/')) return resolveSitePath(path.posix.normalize(linkPath), fragment);
  if (!/^\.{1,2}\//.test(rawPath)) {
    const prefixed = `./${url}`;
    const resolved = resolveLink(prefixed, fromFile);
    return resolved.kind === 'page' ? { kind: 'unprefixed', prefixed, page: resolved } : resolved;
  }

  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), linkPath));
  if (file === '..' || file.startsWith('../')) return { kind: 'outside-root', file };
  const [first, ...rest] = file.split('/');
  const collection = COLLECTIONS.find((c) => c === first);
  const id = rest.join('/').replace(/\.mdx$/, '');
  // Only the handbook nests pages in folders; docs and features are flat.
  const nestedOk = collection === 'handbook' || !id.includes('/');
  if (!collection || !file.endsWith('.mdx') || !nestedOk || id === '') return { kind: 'not-a-page', file };
  return { kind: 'page', collection, id, file, fragment: fragment || undefined };
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
    case 'unprefixed':
      return target.page.collection === 'docs' ? undefined : `The link "${url}" points to the internal page ${target.page.file}, which the public site does not have.`;
    case 'generated':
      return target.section === 'changelog' ? undefined : `The link "${url}" points to the internal page /${target.section}/, which the public site does not have.`;
    case 'unknown-site-path':
      return /^\/changelog(?:\/|$)/.test(target.sitePath) ? undefined : `The link "${url}" is a site path the public site does not have.`;
    case 'not-a-page':
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
