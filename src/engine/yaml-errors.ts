import { createRequire } from 'node:module';
import type { Document, ErrorCode, YAMLError } from 'yaml';
import type { Finding } from './finding.ts';
import type { ContentFile } from './model.ts';

/**
 * Findings for frontmatter YAML that does not parse: where the mistake is,
 * and what to change. The fast reader (js-yaml) only says that it failed;
 * the `yaml` package's errors carry a code and an offset for each mistake.
 *
 * Two things make the parser's own answer a poor guide for a person, and
 * both are corrected here from the structure of the text, never from the
 * wording of a message:
 *
 * - The offset is where the parser gave up, which is often not the line to
 *   change: an unclosed quote is noticed at the end of the block, an
 *   over-indented key on the line of the value above it. Each finding is
 *   placed on the line the person must edit.
 * - One mistake often yields several errors (the parser recovers and trips
 *   again). Errors that overlap, touch or share a line are one mistake, and
 *   one finding; so is everything after a quote or bracket that never
 *   closes.
 *
 * The hint is chosen by the error's code (`syntaxHints`), refined where one
 * code covers several mistakes by what the source holds at the error.
 */

const FRONTMATTER = 'frontmatter';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/** Loaded only when a file has a syntax error: most runs never need it. */
function yamlPackage(): YamlModule {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);
}

const DEFAULT_HINT = 'Check the quoting and indentation of this line: values that contain ": " or start with a special character need quotes.';
const INDENT_HINT = 'Indent this line with spaces so that it lines up with the keys (or "- " items) it belongs with.';
const PLAIN_DATA_HINT =
  'Remove the "&" anchor, "*" alias or "!" tag: frontmatter is plain data (text, numbers, dates, lists and keys). If the character is part of the text, put the value in quotes.';

/** A hint for every code the `yaml` package reports (ErrorCode); codes it adds later get DEFAULT_HINT. */
const syntaxHints: Record<ErrorCode, string> = {
  ALIAS_PROPS: PLAIN_DATA_HINT,
  BAD_ALIAS: PLAIN_DATA_HINT,
  BAD_COLLECTION_TYPE: PLAIN_DATA_HINT,
  BAD_DIRECTIVE: 'Remove the line that starts with "%": frontmatter holds only "key: value" lines.',
  BAD_DQ_ESCAPE: 'Inside double quotes a "\\" starts an escape such as \\n: write "\\\\" for a backslash, or use single quotes instead.',
  BAD_INDENT: INDENT_HINT,
  BAD_PROP_ORDER: PLAIN_DATA_HINT,
  BAD_SCALAR_START: 'Put the value in quotes: a value cannot start with this character unquoted.',
  BLOCK_AS_IMPLICIT_KEY: 'Put the value in quotes: a value that contains ": " must be quoted.',
  BLOCK_IN_FLOW: 'Inside [ ] or { } write the items separated by commas, with no "- " lines or indented keys; or drop the brackets and write one "- item" per line.',
  DUPLICATE_KEY: 'Keep one of the two entries with this key and delete the other.',
  IMPOSSIBLE: DEFAULT_HINT,
  KEY_OVER_1024_CHARS: 'Shorten the key, or add the ": " or line break that should end it.',
  MISSING_CHAR: 'Add the ":" after the key ("key: value"); if this line continues the value above, put that whole value in quotes on one line.',
  MULTILINE_IMPLICIT_KEY: 'Add the ":" after the key ("key: value"); if this line continues the value above, put that whole value in quotes on one line.',
  MULTIPLE_ANCHORS: PLAIN_DATA_HINT,
  MULTIPLE_DOCS: 'Remove the extra "---" line: the file holds one block of keys.',
  MULTIPLE_TAGS: PLAIN_DATA_HINT,
  NON_STRING_KEY: 'Use a plain name as the key, not a list or a set of keys.',
  RESOURCE_EXHAUSTION: 'Remove the repeated aliases ("*name"): frontmatter is plain data.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  TAG_RESOLVE_FAILED:
    'Remove the "!!" or "!" tag: frontmatter is plain data (text, numbers, dates, lists and keys), never code or custom types. If the "!" is part of the text, put the value in quotes.',
  UNEXPECTED_TOKEN: DEFAULT_HINT,
};

function hintFor(code: string): string {
  return (syntaxHints as Record<string, string>)[code] ?? DEFAULT_HINT;
}

/** One finding: where (an offset into the YAML text), what, and how to fix it. */
interface Explained {
  at: number;
  message: string;
  hint: string;
  /** Only the parser's own offset and the code's general hint: nothing in the text confirmed where the mistake is. */
  unplaced?: boolean;
}

export function reportSyntaxErrors(file: ContentFile, findings: Finding[], fastReason: string): void {
  const yaml = file.yaml!;
  for (const explained of explainYaml(yaml.text, fastReason)) {
    findings.push({
      rule: FRONTMATTER,
      file,
      at: { offset: yaml.offset + Math.max(0, Math.min(explained.at, yaml.text.length)) },
      message: explained.message,
      hint: explained.hint,
    });
  }
}

/** The findings for YAML text that js-yaml refused (exported for tests of single cases). */
export function explainYaml(text: string, fastReason: string): Explained[] {
  const { parseDocument } = yamlPackage();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) return explainErrors(text, document.errors);
  return explainRefusal(text, document, fastReason);
}

// ---------------------------------------------------------------------------
// Text helpers

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** Offset of the first character on the line that is not a space or tab. */
function firstContentOf(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  const match = /^[ \t]*/.exec(text.slice(start, lineEndOf(text, start)))!;
  return start + match[0].length;
}

function indentOf(text: string, offset: number): number {
  return firstContentOf(text, offset) - lineStartOf(text, offset);
}

function sameLine(text: string, a: number, b: number): boolean {
  return lineStartOf(text, a) === lineStartOf(text, b);
}

/** Whether `offset` is in the line's leading whitespace or at its first character. */
function atLineStart(text: string, offset: number): boolean {
  return offset <= firstContentOf(text, offset);
}

/** The error message's first line, without the position the parser appends. */
function reasonOf(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

// ---------------------------------------------------------------------------
// Structure: quotes and brackets that never close (from the parser's CST)

interface Unclosed {
  offset: number;
  kind: 'quote' | 'bracket';
  char: string;
}

const CLOSED = {
  'double-quoted-scalar': /^"(?:[^"\\]|\\[\s\S])*"$/,
  'single-quoted-scalar': /^'(?:[^']|'')*'$/,
} as const;

const CLOSER: Record<string, string> = { '[': ']', '{': '}' };

/**
 * The quoted values and flow collections that are not closed, innermost
 * (latest opened) last. The CST keeps every token's source, so this is what
 * the text holds, whatever the parser then made of it.
 */
function unclosedIn(text: string): Unclosed[] {
  const { Parser } = yamlPackage();
  const found: Unclosed[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 200 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const token = node as { type?: string; offset?: number; source?: string; start?: { source?: string }; end?: { source?: string }[] };
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && typeof token.source === 'string') {
      if (!CLOSED[token.type].test(token.source)) found.push({ offset: token.offset!, kind: 'quote', char: token.source[0]! });
    }
    if (token.type === 'flow-collection' && token.start?.source) {
      const closer = CLOSER[token.start.source];
      if (closer && !(token.end ?? []).some((t) => t.source === closer)) found.push({ offset: token.offset!, kind: 'bracket', char: token.start.source });
    }
    for (const value of Object.values(token)) if (value !== null && typeof value === 'object') visit(value, depth + 1);
  };
  for (const token of new Parser().parse(text)) visit(token, 0);
  return found.sort((a, b) => a.offset - b.offset);
}

function explainUnclosed(unclosed: Unclosed): Explained {
  if (unclosed.kind === 'quote') {
    const q = unclosed.char;
    return {
      at: unclosed.offset,
      message: `YAML syntax error: the ${q === '"' ? 'double' : 'single'} quote that opens this value is never closed.`,
      hint:
        q === '"'
          ? 'Add the closing " at the end of this value (write \\" for a quote inside it), or remove the opening quote.'
          : "Add the closing ' at the end of this value (write '' for a quote inside it), or remove the opening quote.",
    };
  }
  const closer = CLOSER[unclosed.char]!;
  return {
    at: unclosed.offset,
    message: `YAML syntax error: the "${unclosed.char}" that opens this value is never closed.`,
    hint: `Add the closing "${closer}" after the last item (items are separated by commas), or remove the "${unclosed.char}" and write the value as plain text or "- " lines.`,
  };
}

// ---------------------------------------------------------------------------
// The parser's errors

function explainErrors(text: string, errors: readonly YAMLError[]): Explained[] {
  const unclosed = unclosedIn(text);
  const directive = /^%/m.exec(text);
  const out: Explained[] = [];
  // Everything from the first quote or bracket that never closes, or from a
  // "%" directive line, is read wrongly from there on: that one is the mistake.
  const cutoff = Math.min(unclosed.length ? unclosed[0]!.offset : Infinity, directive ? directive.index : Infinity);
  const before = errors.filter((error) => error.pos[0] < cutoff);
  for (const group of mistakes(text, before)) {
    const explained = explainGroup(text, group);
    // An error none of the rules below can place, after a mistake that was placed, is the parser recovering from that one.
    if (explained.unplaced && out.length) continue;
    out.push(explained);
  }
  if (directive && directive.index === cutoff) {
    out.push({ at: directive.index, message: 'YAML syntax error: a line that starts with "%" is a YAML directive, which frontmatter cannot hold.', hint: hintFor('BAD_DIRECTIVE') });
  } else if (unclosed.length) {
    // Of nested brackets that fail to close, the innermost one opened first at or after the cut-off is the one to fix.
    const opened = unclosed.filter((u) => u.offset >= cutoff);
    const quote = opened.find((u) => u.kind === 'quote');
    out.push(explainUnclosed(quote ?? opened[opened.length - 1]!));
  }
  return dedupeLines(text, out);
}

/** Errors that overlap, touch or fall on a line of an error already in the group are one mistake. */
function mistakes(text: string, errors: readonly YAMLError[]): YAMLError[][] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const groups: YAMLError[][] = [];
  let end = -1;
  for (const error of sorted) {
    const group = groups[groups.length - 1];
    if (group && (error.pos[0] <= end || group.some((e) => sameLine(text, e.pos[0], error.pos[0]) || sameLine(text, e.pos[1], error.pos[0])))) {
      group.push(error);
    } else {
      groups.push([error]);
    }
    end = Math.max(end, error.pos[1]);
  }
  return groups;
}

/** The codes whose span says most about where a mistake is, tried first. */
const PRECEDENCE: readonly string[] = ['MULTILINE_IMPLICIT_KEY', 'DUPLICATE_KEY', 'TAB_AS_INDENT'];

function explainGroup(text: string, group: readonly YAMLError[]): Explained {
  const ordered = [...group].sort((a, b) => rank(a.code) - rank(b.code));
  for (const error of ordered) {
    const explained = explainError(text, error);
    if (explained) return explained;
  }
  const first = group[0]!;
  return { at: first.pos[0], message: `YAML syntax error: ${reasonOf(first)}`, hint: hintFor(first.code), unplaced: true };
}

function rank(code: string): number {
  const index = PRECEDENCE.indexOf(code);
  return index < 0 ? PRECEDENCE.length : index;
}

/** Where the person must change the text for this error, and how; undefined when this error alone cannot tell. */
function explainError(text: string, error: YAMLError): Explained | undefined {
  const [start, end] = error.pos;
  const reason = `YAML syntax error: ${reasonOf(error)}`;
  const char = text[start] ?? '';
  switch (error.code) {
    case 'MULTILINE_IMPLICIT_KEY': {
      if (sameLine(text, start, end)) return undefined;
      // "key: value" on a line indented further than the line it starts on: YAML took the line as more of that value.
      if (indentOf(text, end) > indentOf(text, start)) {
        return {
          at: firstContentOf(text, end),
          message: 'YAML syntax error: this line is indented further than the line above, so YAML reads it as part of that value.',
          hint: INDENT_HINT,
        };
      }
      // `key:value` on the first line: a colon without the space after it does not end a key.
      const first = text.slice(firstContentOf(text, start), lineEndOf(text, start));
      if (/^[^\s#:"'][^:#]*:[^\s]/.test(first)) return { at: start, message: reason, hint: 'Put a space after the ":" that ends the key ("key: value").' };
      return { at: start, message: reason, hint: hintFor(error.code) };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      // At the start of a line it is that line's indentation; inside a line, a value holding ": ".
      if (atLineStart(text, start)) return { at: firstContentOf(text, start), message: reason, hint: INDENT_HINT };
      return { at: start, message: reason, hint: hintFor(error.code) };
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return explainStray(text, error, reason);
    case 'BAD_INDENT':
      return { at: firstContentOf(text, start), message: reason, hint: hintFor(error.code) };
    case 'BAD_SCALAR_START':
      return {
        at: start,
        message: reason,
        hint: `Put the value in quotes: a value cannot start with "${char}" unquoted (write "${char}..." in double quotes).`,
      };
    default:
      return { at: start, message: reason, hint: hintFor(error.code) };
  }
}

/** MISSING_CHAR and UNEXPECTED_TOKEN cover several mistakes: the character at the error, and its line, tell which. */
function explainStray(text: string, error: YAMLError, reason: string): Explained | undefined {
  const [start] = error.pos;
  const lineStart = firstContentOf(text, start);
  const line = text.slice(lineStart, lineEndOf(text, lineStart));
  const char = text[start] ?? '';
  if (char === ']' || char === '}') {
    return { at: start, message: reason, hint: `Remove this "${char}", or add the "${char === ']' ? '[' : '{'}" it should close.` };
  }
  if (atLineStart(text, start)) {
    // A key line indented less than every line above it: those lines are the ones indented too far.
    const above = contentLinesBefore(text, lineStartOf(text, start));
    if (above.length && above.every((offset) => indentOf(text, offset) > indentOf(text, start))) {
      return { at: firstContentOf(text, above[0]!), message: 'YAML syntax error: this line is indented, but it is a top-level key.', hint: 'Remove the spaces before this key: top-level keys start at the beginning of the line, like the keys below it.' };
    }
    if (line.startsWith('- ') || line === '-') {
      return {
        at: lineStart,
        message: reason,
        hint: 'A "- " item cannot stand among "key: value" lines: indent it under the key whose list it belongs to, or write it as "key: value".',
      };
    }
    if (error.code === 'MISSING_CHAR' && /^[^#]*:(?:\s|$)/.test(line)) {
      // A "key: value" line where the parser expected an item or a sibling: its indentation is off.
      return { at: lineStart, message: reason, hint: INDENT_HINT };
    }
    if (error.code === 'MISSING_CHAR') return { at: lineStart, message: reason, hint: hintFor('MISSING_CHAR') };
    return undefined;
  }
  // Text after a closing quote on the same line: `title: "Foo" bar`.
  const beforeText = text.slice(lineStartOf(text, start), start).trimEnd();
  if (error.code === 'UNEXPECTED_TOKEN' && (beforeText.endsWith('"') || beforeText.endsWith("'"))) {
    return {
      at: start,
      message: reason,
      hint: 'Put the whole value inside the quotes: nothing but a "# comment" may follow the closing quote.',
    };
  }
  if (error.code === 'MISSING_CHAR' && char !== '' && /[[{,]/.test(beforeText.slice(-1) || '')) {
    return { at: start, message: reason, hint: 'Separate the items inside [ ] or { } with commas.' };
  }
  return undefined;
}

/** Offsets of the non-blank, non-comment lines before `lineStart`. */
function contentLinesBefore(text: string, lineStart: number): number[] {
  const offsets: number[] = [];
  let offset = 0;
  while (offset < lineStart) {
    const end = lineEndOf(text, offset);
    const content = text.slice(offset, end).trim();
    if (content !== '' && !content.startsWith('#')) offsets.push(offset);
    offset = end + 1;
  }
  return offsets;
}

/**
 * One finding per line: a second finding on the line of another is the same
 * mistake seen twice. An indentation finding on the content line right after
 * another is the parser still out of step from the first one.
 */
function dedupeLines(text: string, explained: readonly Explained[]): Explained[] {
  const out: Explained[] = [];
  for (const item of [...explained].sort((a, b) => a.at - b.at)) {
    const previous = out[out.length - 1];
    if (out.some((kept) => sameLine(text, kept.at, item.at))) continue;
    if (previous && previous.hint === INDENT_HINT && item.hint === INDENT_HINT && nextContentLine(text, previous.at) === lineStartOf(text, item.at)) continue;
    out.push(item);
  }
  return out;
}

/** The start of the first non-blank, non-comment line after the one holding `offset`. */
function nextContentLine(text: string, offset: number): number {
  let at = lineEndOf(text, offset) + 1;
  while (at < text.length) {
    const content = text.slice(at, lineEndOf(text, at)).trim();
    if (content !== '' && !content.startsWith('#')) return at;
    at = lineEndOf(text, at) + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// js-yaml refused what the `yaml` package parsed without an error

/**
 * Typically a tag such as `!!js/function`, an alias to no anchor, or a key
 * that is a collection: found in the `yaml` package's document (warnings
 * carry a code too). If none is found, js-yaml's own reason is shown, at the
 * line and column it gives.
 */
function explainRefusal(text: string, document: Document.Parsed, fastReason: string): Explained[] {
  const { visit, isCollection, isAlias } = yamlPackage();
  const out: Explained[] = [];
  for (const warning of document.warnings) {
    const source = text.slice(warning.pos[0], warning.pos[1]).split('\n')[0]!;
    out.push({
      at: warning.pos[0],
      message: `The frontmatter is not readable YAML: ${reasonOf(warning)}${source ? ` ("${source}")` : ''}.`,
      hint: hintFor(warning.code),
    });
  }
  const anchors = new Set<string>();
  visit(document, {
    Node(_, node) {
      if (!isAlias(node) && node.anchor) anchors.add(node.anchor);
    },
    Alias(_, node) {
      if (!anchors.has(node.source)) {
        out.push({ at: node.range?.[0] ?? 0, message: `The frontmatter is not readable YAML: the alias "*${node.source}" names no anchor.`, hint: hintFor('BAD_ALIAS') });
      }
    },
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        out.push({ at: pair.key.range?.[0] ?? 0, message: 'The frontmatter is not readable YAML: a key is a list or a set of keys.', hint: hintFor('NON_STRING_KEY') });
      }
    },
  });
  if (out.length) return dedupeLines(text, out);
  const firstLine = fastReason.split('\n')[0]!;
  const position = / \((\d+):(\d+)\)$/.exec(firstLine);
  return [
    {
      at: position ? offsetAt(text, Number(position[1]), Number(position[2])) : 0,
      message: `The frontmatter is not readable YAML: ${firstLine.replace(/ \(\d+:\d+\)$/, '')}.`,
      hint: DEFAULT_HINT,
    },
  ];
}

/** The offset of a 1-based line and column. */
function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(0, column - 1), lineEndOf(text, offset));
}
