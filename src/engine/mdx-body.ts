import { createMdastHandle, createMdxMdastHandle, dropHandle, markdownToMdast, mdxToMdast } from 'satteri';
import type { Nodes, Root } from 'mdast';

/**
 * The one reader of page bodies. It is satteri, the MDX compiler the sites
 * themselves use (`@astrojs/markdown-satteri`), so a body this module
 * accepts is a body the build can compile, and a syntax error is reported
 * with the compiler's own words and position.
 *
 * A `.md` body is plain Markdown and goes through satteri's Markdown parser,
 * as the sites' Markdown pipeline reads it: `{`, `<Tag>` and `import` are
 * text or raw HTML there, never code.
 *
 * Every body goes through the compiler's parser; the JavaScript tree
 * (`Root`) is only built when something needs to look inside it (links,
 * headings, or a body that may hold code), because building it costs about
 * three times the parse.
 */

/**
 * Bodies longer than this are not parsed: a finding says so instead. The
 * parser's memory grows about 85 times the body (a 20 MB body needs 1.7 GB),
 * and no handbook page or article is anywhere near this long.
 */
export const MAX_BODY_CHARS = 1_000_000;

/** What went wrong, at an offset into the body. */
export interface BodyError {
  message: string;
  offset: number;
  kind: 'syntax' | 'too-large' | 'too-deep';
}

/**
 * Bodies nested deeper than this (quotes in quotes, lists in lists, elements
 * in elements) are not parsed: the parser's time grows with the square of
 * the depth (10,000 nested elements take seconds; 50,000 over a minute),
 * and no real page nests more than a few levels.
 */
export const MAX_NESTING = 200;

export type BodyParse = { ok: true; tree: Root } | { ok: false; error: BodyError };

/** How a body is written: MDX (`.mdx`) or plain Markdown (`.md`). */
export type BodyFormat = 'mdx' | 'md';

/** The body's tree, or why there is none. */
export function parseBody(text: string, format: BodyFormat = 'mdx'): BodyParse {
  const tooLarge = sizeError(text);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    return { ok: true, tree: (format === 'md' ? markdownToMdast(text) : mdxToMdast(text)) as Root };
  } catch (error) {
    return { ok: false, error: syntaxError(text, error) };
  }
}

/** Only whether the body compiles: the parse without building its tree. */
export function checkBody(text: string, format: BodyFormat = 'mdx'): BodyError | undefined {
  const tooLarge = sizeError(text);
  if (tooLarge) return tooLarge;
  try {
    dropHandle(format === 'md' ? createMdastHandle(text) : createMdxMdastHandle(text));
    return undefined;
  } catch (error) {
    return syntaxError(text, error);
  }
}

/**
 * Whether the text could hold MDX code at all (ESM, an expression, a JSX
 * element): without `{`, `<`, or a line starting with import/export it
 * cannot, and its tree need not be built to know.
 */
export function mayHoldCode(text: string): boolean {
  return text.includes('{') || text.includes('<') || /^(?:import|export)\b/m.test(text);
}

/**
 * Whether an MDX body reads exactly as Markdown does, so that it can be
 * rendered to HTML as a `.md` body is, with nothing to compile. MDX turns
 * off four Markdown constructs (micromark-extension-mdxjs): HTML, autolinks
 * and indented code, and reads `{` and `<` as code. A body that can hold no
 * code (`mayHoldCode`: no `{`, no `<`) can hold neither HTML nor autolinks,
 * which leaves indented code: a line whose indentation, inside any quote
 * and list markers, holds a tab or four spaces in a row goes the MDX way,
 * whether or not Markdown would read code there.
 */
export function readsAsMarkdown(text: string): boolean {
  return !mayHoldCode(text) && !/^[ >*+\-0-9.)]*?(?: {4}|\t)/m.test(text);
}

function sizeError(text: string): BodyError | undefined {
  if (text.length > MAX_BODY_CHARS) {
    return {
      kind: 'too-large',
      offset: 0,
      message: `The body is ${text.length.toLocaleString('en-US')} characters long, over the limit of ${MAX_BODY_CHARS.toLocaleString('en-US')}.`,
    };
  }
  const deepest = deepestNesting(text);
  if (deepest.depth <= MAX_NESTING) return undefined;
  return { kind: 'too-deep', offset: deepest.offset, message: `The body nests ${deepest.depth} levels deep here, over the limit of ${MAX_NESTING}.` };
}

/**
 * How deep the body nests, estimated in one pass without parsing: quote
 * markers and indentation at the start of each line, and elements opened
 * and not yet closed (`<x` ... `</x>`, `<x />` closes itself). Fenced code
 * is skipped. An estimate on the generous side, only to keep the parser out
 * of its slow corner.
 */
export function deepestNesting(text: string): { depth: number; offset: number } {
  let deepest = { depth: 0, offset: 0 };
  let open = 0;
  let fence: string | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1]!;
    } else {
      // Quote markers (">", "> >") and indentation (two columns a level) at the start of the line.
      let depth = 0;
      let i = 0;
      for (; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 62 /* > */) depth += 2;
        else if (c === 9 /* tab */) depth += 4;
        else if (c !== 32) break;
        else depth += 1;
      }
      if (depth / 2 > deepest.depth) deepest = { depth: Math.floor(depth / 2), offset: lineStart };
      // Elements opened and closed along the line; code spans (`<div>` as text) are not elements.
      const code = line.includes('`') ? line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length)) : line;
      for (let at = code.indexOf('<', i); at >= 0; at = code.indexOf('<', at + 1)) {
        const next = code.charCodeAt(at + 1);
        if (next === 47 /* / */) open = Math.max(0, open - 1);
        else if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
          const end = code.indexOf('>', at);
          if (end < 0 || code.charCodeAt(end - 1) !== 47) open++;
          if (open > deepest.depth) deepest = { depth: open, offset: lineStart + at };
        }
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return deepest;
}

/** The compiler says "L:C: message (code)"; turn L:C into an offset in the body. */
function syntaxError(text: string, error: unknown): BodyError {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(raw);
  if (!match) return { kind: 'syntax', offset: 0, message: raw };
  const line = Number(match[1]);
  const column = Number(match[2]);
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  // The message repeats the position "(L:C)" that the finding carries anyway.
  const message = match[3]!.replace(` (${line}:${column})`, '');
  return { kind: 'syntax', offset: Math.min(offset + column - 1, text.length), message };
}

type Parent = Extract<Nodes, { children: unknown }>;

/**
 * Calls `visit` on every node in document order. Iterative: a body may nest
 * thousands of levels deep (`>>>>...`), which a recursive walk would not survive.
 */
export function walk(tree: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) {
      const children = (node as Parent).children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/** A node's text as the HTML element's text content: text and code, not image alt text or markup. */
export function textOf(node: Nodes): string {
  let text = '';
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}

/** JSX nodes, as the MDX tree has them. */
export type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

export function isJsxElement(node: Nodes): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** A JSX attribute's value when it is written as a literal string (`href="..."`), else undefined. */
export function literalAttribute(node: JsxElement, name: string): string | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') return attribute.value;
  }
  return undefined;
}

/**
 * Whether an MDX expression is only block comments (`{/* note *\/}`, MDX's way
 * to write a comment): the compiler drops it, so nothing runs. Line comments
 * (`// ...`) do not count: JavaScript also ends them at a carriage return,
 * U+2028 or U+2029, so `{// note<CR> code}` would run `code`.
 */
export function isCommentOnly(expression: string): boolean {
  // A block comment may not contain "*/" (else `/* a *\/ code /* b *\/` would pass as one comment),
  // and one whitespace character per step keeps the match linear on any input.
  return /^(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/)*$/.test(expression);
}
