import { CHANGELOG_IMAGE_HINT, changelogImage } from '../changelog-image.ts';
import type { Finding } from '../finding.ts';
import path from 'node:path';
import {
  articleLinkProblem,
  GENERATED_PATHS,
  isDeclaredExternal,
  linkFilesOf,
  PAGE_EXTENSION,
  relativeImageProblem,
  relativeLink,
  resolveLink,
  type BodyOutline,
  type LinkTarget,
} from '../links.ts';
import type { Content, ContentFile } from '../model.ts';
import type { PageBodies } from '../page-bodies.ts';
import { defineRule, type Report } from '../rule.ts';
import { nearest } from '../suggest.ts';

/**
 * Only handbook and docs bodies are parsed; a feature body is parsed only when
 * a link names one of its headings, because there may be thousands.
 */
export default defineRule({
  id: 'handbook-link',
  defaultSeverity: 'error',
  docs: {
    summary: 'a link in the handbook or docs points to a page or heading that does not exist',
    rationale: 'Pages link to each other with relative links to their files (`../team.md#gary-mcgrath`), resolved ' +
      'the way GitHub resolves them: `x.md`, `x.mdx`, `x` or `x/` (the folder\'s page), relative to the page or ' +
      'from the content root (`/handbook/...`). So each link names a file that can be checked before the site ' +
      'is built, an adopted handbook\'s links work unchanged, and a renamed page or heading cannot leave dead ' +
      'links behind. A `#fragment` must be a heading id as github-slugger makes it, or an `id`/`name` ' +
      'attribute. A link to a file beside the pages (a PDF) is fine when it exists. Site-absolute links may ' +
      'only name the pages the site generates (`/features/<id>/`, `/people/<id>/`, ...), and their id must ' +
      'exist. A JSX `<a href>` may not name a page file: the sites only rewrite Markdown links into page ' +
      "addresses. Which targets an article may link to at all is `article-code`'s rule; here an article's " +
      "links to other articles are checked like any page's. External links, and links under a prefix in " +
      "process.yaml's `externalLinks`, are not checked.",
  },
  check({ content, bodies }, report) {
    const pages = new PageIndex(content, bodies);
    const files = linkFilesOf(content);
    const sources = [
      ...content.handbook.map((entry) => ({ file: entry.file, isDoc: false })),
      ...content.docs.map((entry) => ({ file: entry.file, isDoc: true })),
    ];
    for (const { file, isDoc } of sources) {
      const page = pages.pathOf(file);
      const outline = pages.outline(page);
      // Not valid MDX: the Astro build reports the syntax error with its own
      // position; guessing at links in a body that does not parse would only add noise.
      if (!outline || !file.body) continue;
      for (const link of outline.links) {
        if (isDeclaredExternal(link.url, files.externalPrefixes)) continue;
        // Where an article may link at all is `article-code`'s question; this rule asks whether the target exists.
        if (isDoc && articleLinkProblem(link.url, page)) continue;
        const target = resolveLink(link.url, page, files);
        const problem = checkLink(link.url, target, page, isDoc, content, pages) ?? (link.jsx ? checkJsxLink(link.url, target, page) : undefined);
        if (problem) report({ file, at: { offset: file.body.offset + link.offset }, target: link.url, ...problem });
      }
      // An article's images are article-code's (stricter) question.
      if (!isDoc) checkImages(file, page, outline, content, report);
    }
    // A feature body is only read for images when it has one: there may be thousands.
    for (const { id, file, data } of content.features) {
      // The changelog's picture is a file reference like a body image (a missing one would break the public build).
      const image = data.changelog?.image && changelogImage(data.changelog.image.src, id, content.assets);
      if (image && !image.ok) report({ file, at: { path: ['changelog', 'image', 'src'] }, message: image.problem, hint: CHANGELOG_IMAGE_HINT });
      if (!file.body?.text.includes('![')) continue;
      const outline = pages.outline(`features/${id}.mdx`);
      if (outline) checkImages(file, `features/${id}.mdx`, outline, content, report);
    }
  },
});

type Problem = Pick<Finding, 'message' | 'hint'>;

const IMAGE_HINT = 'Put the image in the content root (beside the page is simplest) and write ![what it shows](./image.png), or use a full https:// address.';

function checkImages(file: ContentFile, page: string, outline: BodyOutline, content: Content, report: Report): void {
  for (const image of outline.images) {
    const problem = relativeImageProblem(image.url, page, content.assets);
    if (problem) report({ file, at: { offset: file.body!.offset + image.offset }, target: image.url, message: problem, hint: IMAGE_HINT });
  }
}

const PAGE_HINT = 'Link to a page by its file, relative to this page (e.g. ../team.md#gary-mcgrath).';
const ARTICLE_HINT = 'Link to another article by its file, relative to this one (e.g. ./keyboard-shortcuts.mdx#basics).';

function checkLink(url: string, target: LinkTarget, from: string, isDoc: boolean, content: Content, pages: PageIndex): Problem | undefined {
  const pageHint = isDoc ? ARTICLE_HINT : PAGE_HINT;
  switch (target.kind) {
    case 'external':
    case 'asset':
      return undefined;
    case 'empty':
      return { message: `The link "${url}" has no target.`, hint: `Add the page or "#heading" it should go to, or remove the link. ${pageHint}` };
    case 'self':
      return checkHeading(url, target.fragment, from, from, pages);
    case 'page':
      return target.fragment === undefined ? undefined : checkHeading(url, target.fragment, target.file, from, pages);
    case 'generated':
      return checkGenerated(url, target, content);
    case 'unknown-site-path':
      // An article reaches this only for a path under /changelog/ (article-code refuses the rest): the public changelog's pages.
      if (isDoc) return undefined;
      return {
        message: `The link "${url}" is a site path the site does not generate.`,
        hint: `${pageHint} Site paths are only for generated pages: ${GENERATED_PATHS.join(', ')}.`,
      };
    case 'missing': {
      if (target.page) {
        const candidates = isDoc ? pages.files('docs') : pages.files();
        const near = nearest(target.file, candidates) ?? nearest(target.file.replace(PAGE_EXTENSION, ''), candidates.map((f) => f.replace(PAGE_EXTENSION, '')));
        const suggestion = near && (candidates.includes(near) ? near : candidates.find((f) => f.replace(PAGE_EXTENSION, '') === near));
        return {
          message: `The link "${url}" points to ${target.file}, which does not exist.`,
          hint: suggestion ? `Did you mean "${relativeLink(from, suggestion)}"? ${pageHint}` : `No page has a similar name. ${pageHint}`,
        };
      }
      return {
        message: `The link "${url}" points to ${target.file}, which is not a page or a file beside the pages.`,
        hint: `${pageHint} ${isDoc ? 'Articles are the .md and .mdx files in content/docs' : 'Pages are the .md and .mdx files in content/handbook and content/docs, and the .mdx files in content/features; files beside them (images, PDFs) may be linked too'}; use a full https:// address for anything else.`,
      };
    }
    case 'outside-root':
      return {
        message: `The link "${url}" points outside the content root, which the site does not publish.`,
        hint: `Use a full https:// address (e.g. to the file in the repository), or link to a page. ${pageHint}`,
      };
  }
}

/** The sites turn Markdown links to page files into routes; a JSX `href` is left as written and would 404. */
function checkJsxLink(url: string, target: LinkTarget, from: string): Problem | undefined {
  if (target.kind !== 'page') return undefined;
  const written = /^(?:\.{1,2}\/|\/|#)/.test(url) ? url : `./${url}`;
  return {
    message: `The link "${url}" is an <a href> to a page file, which the site leaves as written: on the site it leads nowhere.`,
    hint: `Write it as a Markdown link, [text](${written || relativeLink(from, target.file)}), which the site turns into the page's address.`,
  };
}

function checkGenerated(url: string, target: Extract<LinkTarget, { kind: 'generated' }>, content: Content): Problem | undefined {
  if (target.id === undefined) return undefined;
  if (target.section === 'features') {
    if (content.featureFileIds.has(target.id)) return undefined;
    const near = nearest(target.id, content.featureFileIds);
    return {
      message: `The link "${url}" points to the feature "${target.id}", which is not in content/features.`,
      hint: `${near ? `Did you mean "/features/${near}/"? ` : ''}Use /features/<id>/ with the file name of a feature page (without .mdx).`,
    };
  }
  if (content.people.has(target.id)) return undefined;
  const near = nearest(target.id, content.people.keys());
  return {
    message: `The link "${url}" points to the person "${target.id}", who is not in team.yaml.`,
    hint: `${near ? `Did you mean "/people/${near}/"? ` : ''}Use /people/<id>/ with a person's id from team.yaml.`,
  };
}

function checkHeading(url: string, fragment: string, page: string, from: string, pages: PageIndex): Problem | undefined {
  const anchors = pages.anchors(page);
  // A target whose frontmatter or MDX is broken has its own findings; its headings cannot be known.
  if (!anchors || anchors.has(fragment)) return undefined;
  const near = nearest(fragment, anchors);
  const where = page === from ? 'this page' : page;
  const prefix = page === from ? '' : relativeLink(from, page);
  const listed = [...anchors].slice(0, 12).map((a) => `#${a}`);
  return {
    message: `The link "${url}" points to the heading "#${fragment}", which ${where} does not have.`,
    hint: near
      ? `Did you mean "${prefix}#${near}"? A heading's anchor is its text in lowercase, with spaces as "-" and punctuation dropped.`
      : anchors.size
        ? `Headings on ${where}: ${listed.join(', ')}${anchors.size > listed.length ? ', ...' : ''}.`
        : `${where === 'this page' ? 'This page' : page} has no headings; link to the page without "#".`,
  };
}

/** Every page file of the content root, with bodies outlined on demand and at most once. */
class PageIndex {
  readonly #content: Content;
  readonly #bodies: PageBodies;
  /** Page files by their path from the content root; undefined for a file that is not a valid entry. */
  readonly #files = new Map<string, ContentFile | undefined>();
  readonly #paths = new Map<ContentFile, string>();

  constructor(content: Content, bodies: PageBodies) {
    this.#content = content;
    this.#bodies = bodies;
    // Every file, valid or not: a link to a page with broken frontmatter still names a real page.
    for (const file of content.pageFiles.keys()) this.#files.set(file, undefined);
    for (const entry of [...content.handbook, ...content.docs]) {
      const file = this.pathOf(entry.file);
      // Two files with one id: the second is not an entry, and its path stays its own.
      if (this.#files.has(file)) this.#files.set(file, entry.file);
    }
  }

  /** A loaded file's path from the content root, `/`-separated. */
  pathOf(file: ContentFile): string {
    let relative = this.#paths.get(file);
    if (relative === undefined) this.#paths.set(file, (relative = path.relative(this.#content.root, file.source.path).split(path.sep).join('/')));
    return relative;
  }

  files(collection?: 'docs'): string[] {
    const all = [...this.#files.keys()];
    return collection ? all.filter((f) => f.startsWith(`${collection}/`)) : all;
  }

  outline(page: string): BodyOutline | undefined {
    const file = this.#fileOf(page);
    return file && this.#bodies.outline(file);
  }

  anchors(page: string): Set<string> | undefined {
    return this.outline(page)?.anchors;
  }

  #fileOf(page: string): ContentFile | undefined {
    if (page.startsWith('features/')) return this.#content.featureById.get(page.slice('features/'.length).replace(PAGE_EXTENSION, ''))?.file;
    return this.#files.get(page);
  }
}
