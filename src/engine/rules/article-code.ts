import path from 'node:path';
import type { Nodes } from 'mdast';
import { codeProblems, type ElementPolicy } from '../body-code.ts';
import { isJsxElement, literalAttribute, walk } from '../mdx-body.ts';
import { articleLinkProblem, isHttps, relativeImageProblem } from '../links.ts';
import type { Finding } from '../finding.ts';
import type { Content, DocEntry } from '../model.ts';
import type { PageBodies } from '../page-bodies.ts';
import { defineRule, findingOf, type Report } from '../rule.ts';
import mdxSyntax from './mdx-syntax.ts';

const articleCode = defineRule({
  id: 'article-code',
  defaultSeverity: 'error',
  docs: {
    summary: 'a self-service article contains code (ESM `import`/`export`, a JS expression, a component not on the ' +
      'allow-list) or a link or image, in Markdown or JSX, to anything but another article, `/changelog/` ' +
      'or a full `https://` address',
    rationale: "Articles are published on the public site, which must never show anything internal. An article's MDX " +
      'is compiled there, and MDX is code: an import, an expression (`{globalThis.process...}`) or a ' +
      'component could read any file of the repository into the page. So an article is judged on its parsed ' +
      'tree, never its text: it may hold Markdown and a few HTML elements with plain string attributes, ' +
      'nothing else. Every link, written in Markdown or as `<a href>`, and every image (an image file ' +
      'beside the article, or `https://`) is checked the same way. The public build runs this rule itself, ' +
      'at error severity, so skipping `validate` does not skip it, and process.yaml cannot change its ' +
      'severity.',
  },
  locked: true,
  check({ content, bodies }, report) {
    for (const article of content.docs) checkArticle(article, content, bodies, report);
  },
});
export default articleCode;

/** What this rule finds in one article, for the public projection, which refuses to publish it (public.ts). */
export function articleCodeFindings(article: DocEntry, content: Content, bodies: PageBodies): Finding[] {
  const findings: Finding[] = [];
  const parsed = bodies.parse(article.file);
  if (parsed && !parsed.ok) {
    // Not even a tree to judge: never published as it is.
    findings.push(findingOf(mdxSyntax, { file: article.file, at: { offset: article.file.body!.offset + parsed.error.offset }, message: parsed.error.message, hint: '' }));
  }
  checkArticle(article, content, bodies, (finding) => findings.push(findingOf(articleCode, finding)));
  return findings;
}

/** The elements an article may use besides Markdown, and the attributes each may carry. */
export const ARTICLE_ELEMENTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  a: ['href', 'title'],
  abbr: ['title'],
  br: [],
  kbd: [],
  sub: [],
  sup: [],
  mark: [],
  del: [],
  ins: [],
  s: [],
  small: [],
  details: ['open'],
  summary: [],
  figure: [],
  figcaption: [],
});

/** Any element may carry these (they change no behaviour). */
const GLOBAL_ATTRIBUTES = ['id', 'title', 'lang', 'dir'];

const articleElements: ElementPolicy = {
  allows: (name) => Object.hasOwn(ARTICLE_ELEMENTS, name),
  allowsAttribute: (element, attribute) => GLOBAL_ATTRIBUTES.includes(attribute) || (ARTICLE_ELEMENTS[element]?.includes(attribute) ?? false),
  describe: `Articles are Markdown; besides it they may use only ${Object.keys(ARTICLE_ELEMENTS)
    .map((name) => `<${name}>`)
    .join(', ')}, with plain string attributes (see the README, "What an article may contain").`,
};

const LINK_HINT = 'An article may link only to another article (./other-article.mdx), to /changelog/, or to a full https:// address.';
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg']);

function checkArticle(article: DocEntry, content: Content, bodies: PageBodies, report: Report): void {
  const { file } = article;
  const body = file.body;
  const parsed = bodies.parse(file);
  // A body that does not compile is `mdx-syntax`'s finding; there is no tree to judge.
  if (!body || !parsed?.ok) return;
  const at = (offset: number) => ({ offset: body.offset + offset });
  for (const problem of codeProblems(parsed.tree, articleElements)) {
    report({ file, at: at(problem.offset), message: problem.message, hint: problem.hint });
  }
  const page = `docs/${article.id}.mdx`;
  // `![alt][ref]` takes its address from a definition, which is also judged as a link: as an image, it must be one.
  const definitions = new Map<string, string>();
  walk(parsed.tree, (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  walk(parsed.tree, (node: Nodes) => {
    const offset = node.position?.start.offset ?? 0;
    let problem: string | undefined;
    if (node.type === 'link' || node.type === 'definition') problem = articleLinkProblem(node.url, page);
    else if (isJsxElement(node) && node.name === 'a') {
      const href = literalAttribute(node, 'href');
      if (href !== undefined) problem = articleLinkProblem(href, page);
    } else if (node.type === 'image') problem = imageProblem(node.url, page, content);
    else if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined) problem = imageProblem(url, page, content);
    }
    const isImage = node.type === 'image' || node.type === 'imageReference';
    if (problem) report({ file, at: at(offset), message: problem, hint: isImage ? IMAGE_HINT : LINK_HINT });
  });
}

const IMAGE_HINT = 'Put the image beside the article in content/docs and write ![what it shows](./image.png), or use a full https:// address.';

/** Why an article may not show the image at `url`: it must be https://, or an image file beside the articles. */
function imageProblem(url: string, page: string, content: Content): string | undefined {
  if (isHttps(url)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return `The image "${url}" is not a full https:// address or a file beside the article.`;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponentSafe(url.split(/[?#]/)[0]!)));
  if (!file.startsWith('docs/')) return `The image "${url}" is outside content/docs, which the public site does not publish.`;
  if (!IMAGE_EXTENSIONS.has(path.posix.extname(file).toLowerCase())) return `The image "${url}" is not an image file (${[...IMAGE_EXTENSIONS].join(', ')}).`;
  // Exists, and is an image by its contents: the same question the handbook's images get.
  return relativeImageProblem(url, page, content.assets);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
