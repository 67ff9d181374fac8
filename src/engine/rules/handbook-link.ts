import { CHANGELOG_IMAGE_HINT, changelogImage } from '../changelog-image.ts';
import type { Finding } from '../finding.ts';
import { articleLinkProblem, GENERATED_PATHS, relativeImageProblem, relativeLink, resolveLink, type BodyOutline, type LinkTarget } from '../links.ts';
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
    rationale: 'Pages link to each other with relative links to `.mdx` files (`../team.mdx#gary-mcgrath`), so each ' +
      'link names a file that can be checked before the site is built, and a renamed page or heading cannot ' +
      'leave dead links behind. Site-absolute links may only name the pages the site generates ' +
      '(`/features/<id>/`, `/people/<id>/`, ...), and their id must exist. A JSX `<a href>` may not name a ' +
      'page file: the sites only rewrite Markdown links into page addresses. Which targets an article may ' +
      "link to at all is `article-code`'s rule; here an article's links to other articles are checked like " +
      "any page's. External links are not checked.",
  },
  check({ content, bodies }, report) {
    const pages = new PageIndex(content, bodies);
    const sources = [
      ...content.handbook.map((entry) => ({ file: entry.file, page: `handbook/${entry.id}.mdx`, isDoc: false })),
      ...content.docs.map((entry) => ({ file: entry.file, page: `docs/${entry.id}.mdx`, isDoc: true })),
    ];
    for (const { file, page, isDoc } of sources) {
      const outline = pages.outline(page);
      // Not valid MDX: the Astro build reports the syntax error with its own
      // position; guessing at links in a body that does not parse would only add noise.
      if (!outline || !file.body) continue;
      for (const link of outline.links) {
        // Where an article may link at all is `article-code`'s question; this rule asks whether the target exists.
        if (isDoc && articleLinkProblem(link.url, page)) continue;
        const target = resolveLink(link.url, page);
        const problem = checkLink(link.url, target, page, isDoc, content, pages) ?? (link.jsx ? checkJsxLink(link.url, target) : undefined);
        if (problem) report({ file, at: { offset: file.body.offset + link.offset }, ...problem });
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
    if (problem) report({ file, at: { offset: file.body!.offset + image.offset }, message: problem, hint: IMAGE_HINT });
  }
}

const PAGE_HINT = 'Link to a page by its .mdx file, relative to this page (e.g. ../team.mdx#gary-mcgrath).';
const ARTICLE_HINT = 'Link to another article by its .mdx file, relative to this one (e.g. ./keyboard-shortcuts.mdx#basics).';

function checkLink(url: string, target: LinkTarget, from: string, isDoc: boolean, content: Content, pages: PageIndex): Problem | undefined {
  const pageHint = isDoc ? ARTICLE_HINT : PAGE_HINT;
  switch (target.kind) {
    case 'external':
      return undefined;
    case 'empty':
      return { message: `The link "${url}" has no target.`, hint: `Add the page or "#heading" it should go to, or remove the link. ${pageHint}` };
    case 'self':
      return checkHeading(url, target.fragment, from, from, pages);
    case 'page': {
      if (!pages.exists(target.file)) {
        const near = nearest(target.file, isDoc ? pages.files('docs') : pages.files());
        return {
          message: `The link "${url}" points to ${target.file}, which does not exist.`,
          hint: near ? `Did you mean "${relativeLink(from, near)}"? ${pageHint}` : `No page has a similar name. ${pageHint}`,
        };
      }
      return target.fragment === undefined ? undefined : checkHeading(url, target.fragment, target.file, from, pages);
    }
    case 'generated':
      return checkGenerated(url, target, content);
    case 'unknown-site-path':
      // An article reaches this only for a path under /changelog/ (article-code refuses the rest): the public changelog's pages.
      if (isDoc) return undefined;
      return {
        message: `The link "${url}" is a site path the site does not generate.`,
        hint: `${pageHint} Site paths are only for generated pages: ${GENERATED_PATHS.join(', ')}.`,
      };
    case 'not-a-page': {
      const asPage = pages.exists(`${target.file.replace(/\/$/, '')}.mdx`) ? `${target.file.replace(/\/$/, '')}.mdx` : undefined;
      return {
        message: `The link "${url}" points to ${target.file}, which is not a page.`,
        hint: asPage
          ? `Did you mean "${relativeLink(from, asPage)}"? ${pageHint}`
          : `${pageHint} ${isDoc ? 'Articles are the .mdx files in content/docs' : 'Pages are the .mdx files in content/handbook, content/docs and content/features'}; use a full https:// address for anything else.`,
      };
    }
    case 'unprefixed':
      return checkLink(url, target.page, from, isDoc, content, pages) ?? {
        message: `The link "${url}" does not start with "./" or "../", so the site does not turn it into a page link.`,
        hint: `Write it as "${target.prefixed}". ${pageHint}`,
      };
    case 'outside-root':
      return {
        message: `The link "${url}" points outside the content root, which the site does not publish.`,
        hint: `Use a full https:// address (e.g. to the file in the repository), or link to a page. ${pageHint}`,
      };
  }
}

/** The sites turn Markdown links to .mdx files into routes; a JSX `href` is left as written and would 404. */
function checkJsxLink(url: string, target: LinkTarget): Problem | undefined {
  if (target.kind !== 'page' && target.kind !== 'unprefixed') return undefined;
  return {
    message: `The link "${url}" is an <a href> to a page file, which the site leaves as written: on the site it leads nowhere.`,
    hint: `Write it as a Markdown link, [text](${target.kind === 'unprefixed' ? target.prefixed : url}), which the site turns into the page's address.`,
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
  readonly #files = new Map<string, ContentFile | undefined>();

  constructor(content: Content, bodies: PageBodies) {
    this.#content = content;
    this.#bodies = bodies;
    // Ids of every file, valid or not: a link to a page with broken frontmatter still names a real page.
    for (const id of content.handbookFileIds) this.#files.set(`handbook/${id}.mdx`, undefined);
    for (const id of content.docFileIds) this.#files.set(`docs/${id}.mdx`, undefined);
    for (const id of content.featureFileIds) this.#files.set(`features/${id}.mdx`, undefined);
    for (const entry of content.handbook) this.#files.set(`handbook/${entry.id}.mdx`, entry.file);
    for (const entry of content.docs) this.#files.set(`docs/${entry.id}.mdx`, entry.file);
  }

  exists(page: string): boolean {
    return this.#files.has(page);
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
    if (page.startsWith('features/')) return this.#content.featureById.get(page.slice('features/'.length, -'.mdx'.length))?.file;
    return this.#files.get(page);
  }
}
