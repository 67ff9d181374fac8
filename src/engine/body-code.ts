import type { Nodes, Root } from 'mdast';
import { isCommentOnly, isJsxElement, walk, type JsxElement } from './mdx-body.ts';

/**
 * What in an MDX tree is code: ESM (`import`, `export`), JavaScript
 * expressions in text or in attributes, and components. A page body is
 * content, never code: the sites give bodies nothing to import and nothing
 * in scope, so code there could only break the build (`{customer.name}`) or,
 * on the public site, reach data it must not (`{globalThis.process...}`).
 * Comments written as `{/* ... *\/}` are not code: the compiler drops them.
 */

export interface CodeProblem {
  /** Offset into the body. */
  offset: number;
  message: string;
  hint: string;
}

/** What a body may use besides Markdown: which elements, and which attributes on them. */
export interface ElementPolicy {
  /** Whether `<name>` may appear; `name` is as written (lowercase for HTML). */
  allows(name: string): boolean;
  /** Whether the attribute may appear on the element (its value is always a literal string). */
  allowsAttribute(element: string, attribute: string): boolean;
  /** What the hint says is allowed. */
  describe: string;
}

/** Handbook and feature pages: any HTML element with literal attributes, no components. */
export const pageElements: ElementPolicy = {
  allows: (name) => /^[a-z][a-z0-9-]*$/.test(name),
  allowsAttribute: () => true,
  describe: 'Use Markdown, or an HTML element in lowercase with plain string attributes.',
};

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text).replace(/\s+/g, ' ');

/** Every piece of code in the tree, in document order. */
export function codeProblems(tree: Root, elements: ElementPolicy): CodeProblem[] {
  const problems: CodeProblem[] = [];
  walk(tree, (node: Nodes) => {
    const offset = node.position?.start.offset ?? 0;
    if (node.type === 'mdxjsEsm') {
      problems.push({
        offset,
        message: `"${short(node.value)}" is an import or export: JavaScript, which the site would run when it builds the page.`,
        hint: 'Remove it: page bodies are Markdown, and the sites give them no components or modules to import.',
      });
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (!isCommentOnly(node.value)) {
        problems.push({
          offset,
          message: `"{${short(node.value)}}" is a JavaScript expression, which the site would run when it builds the page.`,
          hint: `To show the braces as text, write \\{${short(node.value)}\\}; for a comment, write {/* ... */}.`,
        });
      }
    } else if (isJsxElement(node)) {
      problems.push(...elementProblems(node, offset, elements));
    } else if (node.type === 'html' && elements !== pageElements) {
      problems.push(...rawHtmlProblems(node.value, offset, elements));
    }
  });
  return problems;
}

function elementProblems(node: JsxElement, offset: number, elements: ElementPolicy): CodeProblem[] {
  // A fragment (`<>...</>`) renders only its children.
  if (node.name === null) return [];
  if (!elements.allows(node.name)) {
    const component = !/^[a-z]/.test(node.name) || node.name.includes('.');
    return [
      {
        offset,
        message: component ? `<${node.name}> is a component: code, which page bodies may not use.` : `<${node.name}> is not an element this page may use.`,
        hint: elements.describe,
      },
    ];
  }
  const problems: CodeProblem[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push({ offset, message: `<${node.name} {${short(attribute.value)}}> spreads a JavaScript expression into the element.`, hint: 'Write each attribute as name="text".' });
    } else if (attribute.value !== null && typeof attribute.value === 'object') {
      problems.push({
        offset,
        message: `The attribute ${attribute.name}={${short(attribute.value.value)}} of <${node.name}> is a JavaScript expression.`,
        hint: `Write the value as plain text in quotes: ${attribute.name}="...".`,
      });
    } else if (!elements.allowsAttribute(node.name, attribute.name)) {
      problems.push({ offset, message: `<${node.name}> may not have the attribute "${attribute.name}".`, hint: elements.describe });
    }
  }
  return problems;
}

/**
 * Raw HTML, which only a `.md` body has (MDX reads tags as JSX): the
 * Markdown pipeline publishes it as written, so under a strict policy (an
 * article) every tag must be an allowed element with allowed attributes, and
 * nothing else may appear (no `<!DOCTYPE>`, `<![CDATA[`, `<?...>`). Links and
 * images in raw HTML are refused: the article rules judge Markdown links
 * and `<a href>` elements, which raw HTML would slip past. Comments are fine.
 * Handbook and feature pages may use any raw HTML, as on GitHub.
 */
function rawHtmlProblems(html: string, offset: number, elements: ElementPolicy): CodeProblem[] {
  const problems: CodeProblem[] = [];
  const text = html.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const refuse = (message: string, hint = elements.describe) => problems.push({ offset, message, hint });
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    RAW_TAG.lastIndex = at;
    const tag = RAW_TAG.exec(text);
    if (!tag) {
      refuse(`"${short(text.slice(at, at + 40))}" is raw HTML that an article may not use: the public site would publish it as written.`);
      continue;
    }
    const name = tag[1]!.toLowerCase();
    at += tag[0].length - 1;
    // An end tag closes what its start tag opened; the start tag was judged.
    if (tag[0].startsWith('</')) continue;
    if (!elements.allows(name)) {
      refuse(`<${name}> is raw HTML that an article may not use: the public site would publish it as written.`);
      continue;
    }
    for (const attribute of (tag[2] ?? '').matchAll(RAW_ATTRIBUTE)) {
      const attributeName = attribute[1]!.toLowerCase();
      if (attributeName === 'href' || attributeName === 'src') {
        refuse(`<${name} ${attributeName}> in raw HTML is a link the article rules cannot check.`, 'Write the link or image in Markdown: [text](./other-article.md) or ![what it shows](./image.png).');
      } else if (!elements.allowsAttribute(name, attributeName)) {
        refuse(`<${name}> may not have the attribute "${attributeName}".`);
      }
    }
  }
  return problems;
}

/** One whole start or end tag: `<name attributes>`, `<name/>`, `</name>`, with quoted or plain attribute values. */
const RAW_TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const RAW_ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
