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
