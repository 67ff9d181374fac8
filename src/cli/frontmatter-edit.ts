import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, Lexer, parseDocument, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { quoteAmbiguousStrings, scalarText } from './yaml-scalar.ts';
import { splitFrontmatter } from '../engine/source.ts';

/**
 * Edits a page's frontmatter the way a careful person would: only the keys
 * being changed differ, and every other byte (comments, key order, quoting,
 * blank lines, the MDX body) stays as it was.
 *
 * The `yaml` package's document gives each node's source range; new text is
 * spliced in at those ranges rather than re-serialising the document, since
 * `Document#toString()` normalises comment spacing, flow collections and
 * long lines. The result is then re-parsed and compared with the intended
 * data, and every comment of the original must still be there, so a layout
 * the splicer does not understand fails loudly instead of writing a wrong
 * file or dropping a note someone wrote.
 *
 * Values are written so that every YAML reader gets the same text back
 * (yaml-scalar.ts); values that are calendar dates stay unquoted, as the
 * contract writes them.
 */

export type FrontmatterEdit =
  /** Sets a top-level scalar: `stage: beta`. */
  | { op: 'set'; key: string; value: string }
  /** Sets one entry of a top-level map: `dates.beta`. */
  | { op: 'set-entry'; key: string; entry: string; value: string }
  /** Appends a flat map to a top-level sequence: a new `approvers` item. */
  | { op: 'append'; key: string; item: Readonly<Record<string, string>> };

/** The frontmatter cannot be edited safely; the file is left alone. */
export class EditError extends Error {}

/**
 * Applies `edits` to the frontmatter of `text` (an MDX file). `keyOrder` is
 * the canonical order of top-level keys, used to place a key that is not
 * there yet.
 */
export function editFrontmatter(text: string, edits: readonly FrontmatterEdit[], keyOrder: readonly string[] = []): string {
  const split = splitFrontmatter(text);
  if (!split.ok) throw new EditError('the file has no readable frontmatter block');
  const before = text.slice(0, split.yamlOffset);
  const after = text.slice(split.yamlOffset + split.yaml.length);
  const original = parse(split.yaml);
  let yaml = split.yaml;
  for (const edit of edits) yaml = applyEdit(yaml, edit, keyOrder);

  const expected = original.toJS() as Record<string, unknown>;
  for (const edit of edits) applyToData(expected, edit);
  if (!isDeepStrictEqual(parse(yaml).toJS(), expected) || !sameItems(comments(split.yaml), comments(yaml))) {
    throw new EditError('the frontmatter is laid out in a way this command cannot edit safely; make the change by hand');
  }
  return before + yaml + after;
}

/** Every comment in the YAML text, as the lexer sees them (a "#" inside a value is not one). */
function comments(yaml: string): string[] {
  return [...new Lexer().lex(yaml)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd());
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return isDeepStrictEqual([...a].sort(), [...b].sort());
}

function parse(yaml: string): Document.Parsed {
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) throw new EditError(`the frontmatter is not valid YAML (${document.errors[0]!.message.split('\n')[0]})`);
  if (document.contents !== null && !(isMap(document.contents) && !document.contents.flow)) {
    throw new EditError('the frontmatter is not a block of "key: value" lines');
  }
  return document;
}

/** The same edit on plain data: what the edited text must parse to. */
function applyToData(data: Record<string, unknown>, edit: FrontmatterEdit): void {
  if (edit.op === 'set') {
    data[edit.key] = edit.value;
  } else if (edit.op === 'set-entry') {
    const map = data[edit.key];
    data[edit.key] = { ...(map && typeof map === 'object' ? map : {}), [edit.entry]: edit.value };
  } else {
    const list = data[edit.key];
    data[edit.key] = [...(Array.isArray(list) ? list : []), { ...edit.item }];
  }
}

interface Layout {
  eol: string;
  /** Spaces per nesting level. */
  indent: number;
  /** Whether `- ` items sit indented under their key (`approvers:\n  - person`). */
  indentSeq: boolean;
}

/** Follows the file's own line endings and indentation for anything new. */
function layoutOf(yaml: string, root: YAMLMap): Layout {
  const layout: Layout = { eol: yaml.includes('\r\n') ? '\r\n' : '\n', indent: 2, indentSeq: true };
  const map = root.items.find((pair) => isMap(pair.value) && !pair.value.flow && pair.value.items.length)?.value as YAMLMap | undefined;
  const firstKey = map?.items[0]?.key as Node | undefined;
  if (firstKey?.range) layout.indent = Math.max(1, columnOf(yaml, firstKey.range[0]));
  const seq = root.items.find((pair) => isSeq(pair.value) && !pair.value.flow && pair.value.items.length)?.value as YAMLSeq | undefined;
  const firstItem = seq?.items[0] as Node | undefined;
  if (firstItem?.range) layout.indentSeq = dashPrefix(yaml, firstItem.range[0])?.indexOf('-') !== 0;
  return layout;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The text before a sequence item on its line (`  - `), when it is only indentation and a dash. */
function dashPrefix(text: string, itemStart: number): string | undefined {
  const prefix = text.slice(lineStart(text, itemStart), itemStart);
  return /^ *- +$/.test(prefix) ? prefix : undefined;
}

/** The start of the line after the one where `offset` falls (or `offset` itself if it starts a line). */
function nextLineStart(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Where a pair's text ends: after the last line of its value, before any comment that follows. */
function pairEnd(yaml: string, pair: Pair): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node;
  return nextLineStart(yaml, value?.range ? value.range[1] : key.range![1]);
}

function renderScalar(value: string, like?: unknown): string {
  return scalarText(value, { like, dateField: true });
}

/** A whole top-level pair, rendered fresh in the file's layout (for a key that is new or being rebuilt). */
function renderPair(key: string, value: unknown, layout: Layout, trailingComment = ''): string {
  const document = new Document({ [key]: value });
  quoteAmbiguousStrings(document, () => true);
  let text = document.toString({ lineWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq });
  // A comment after the old value (`approvers: []  # none yet`) stays on the key's line.
  if (trailingComment) text = text.replace('\n', `${trailingComment}\n`);
  return layout.eol === '\n' ? text : text.replaceAll('\n', layout.eol);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function applyEdit(yaml: string, edit: FrontmatterEdit, keyOrder: readonly string[]): string {
  const document = parse(yaml);
  if (document.contents === null) {
    // An empty block: the new key is the whole frontmatter.
    const layout: Layout = { eol: '\n', indent: 2, indentSeq: true };
    return yaml + renderPair(edit.key, freshValue(edit), layout);
  }
  const root = document.contents as YAMLMap;
  const layout = layoutOf(yaml, root);
  const pair = root.items.find((p) => isScalar(p.key) && String(p.key.value) === edit.key);

  if (!pair) return insertPair(yaml, root, edit.key, renderPair(edit.key, freshValue(edit), layout), keyOrder);

  const value = pair.value as Node | null;
  if (edit.op === 'set') {
    if (isScalar(value) && value.range) return replaceScalar(yaml, value, edit.value);
    return rebuildPair(yaml, pair, edit.value, layout);
  }

  if (edit.op === 'set-entry') {
    if (!isMap(value) || value.flow || value.items.length === 0) {
      const existing = isMap(value) ? (value.toJSON() as Record<string, unknown>) : {};
      return rebuildPair(yaml, pair, { ...existing, [edit.entry]: edit.value }, layout);
    }
    const entry = value.items.find((p) => isScalar(p.key) && String(p.key.value) === edit.entry);
    const entryValue = entry?.value as Node | null | undefined;
    if (entry && isScalar(entryValue) && entryValue.range) return replaceScalar(yaml, entryValue, edit.value);
    if (entry) throw new EditError(`"${edit.key}.${edit.entry}" holds a collection, not a value`);
    const firstKey = value.items[0]!.key as Node;
    const indent = yaml.slice(lineStart(yaml, firstKey.range![0]), firstKey.range![0]);
    if (!/^ *$/.test(indent)) throw new EditError(`"${edit.key}" is laid out in a way this command cannot extend`);
    const at = nextLineStart(yaml, value.range![1]);
    return splice(yaml, at, at, `${indent}${edit.entry}: ${renderScalar(edit.value, value.items[0]!.value)}${layout.eol}`);
  }

  // append
  if (!isSeq(value) || value.flow || value.items.length === 0) {
    const existing = isSeq(value) ? (value.toJSON() as unknown[]) : [];
    return rebuildPair(yaml, pair, [...existing, { ...edit.item }], layout);
  }
  const first = value.items[0] as Node;
  const prefix = dashPrefix(yaml, first.range![0]);
  if (prefix === undefined) throw new EditError(`"${edit.key}" is laid out in a way this command cannot extend`);
  // Follow the first item's key order (person, stage, date, or whatever the file uses).
  const order = isMap(first) ? first.items.map((p) => String((p.key as Scalar).value)) : [];
  const keys = Object.keys(edit.item).sort((a, b) => rank(order, a) - rank(order, b));
  const continuation = ' '.repeat(prefix.length);
  const likeValue = isMap(first) ? first.items[0]?.value : undefined;
  const lines = keys.map((key, index) => `${index === 0 ? prefix : continuation}${key}: ${renderScalar(edit.item[key]!, likeValue)}${layout.eol}`);
  const at = nextLineStart(yaml, value.range![1]);
  return splice(yaml, at, at, lines.join(''));
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

function freshValue(edit: FrontmatterEdit): unknown {
  if (edit.op === 'set') return edit.value;
  if (edit.op === 'set-entry') return { [edit.entry]: edit.value };
  return [{ ...edit.item }];
}

function replaceScalar(yaml: string, node: Scalar, value: string): string {
  const [start, end] = node.range!;
  // `key:` with nothing after it is a null whose range is empty, right after the colon.
  const insert = start === end ? ` ${renderScalar(value)}` : renderScalar(value, node);
  return splice(yaml, start, end, insert);
}

/** Replaces a whole top-level pair (its key line to the end of its value) with freshly rendered text. */
function rebuildPair(yaml: string, pair: Pair, value: unknown, layout: Layout): string {
  const key = pair.key as Scalar;
  const start = key.range![0];
  if (columnOf(yaml, start) !== 0) throw new EditError(`"${String(key.value)}" is laid out in a way this command cannot edit`);
  const end = pairEnd(yaml, pair);
  const old = pair.value as Node | null;
  const valueEnd = old?.range ? old.range[1] : key.range![1];
  const trailing = /^[ \t]+#[^\r\n]*/.exec(yaml.slice(valueEnd, end))?.[0] ?? '';
  return splice(yaml, start, end, renderPair(String(key.value), value, layout, trailing.trimEnd()));
}

/** Inserts a new top-level pair after the last existing key that comes before it in `keyOrder`. */
function insertPair(yaml: string, root: YAMLMap, key: string, rendered: string, keyOrder: readonly string[]): string {
  const wanted = keyOrder.indexOf(key);
  const pairs = root.items;
  let previous: Pair | undefined;
  if (wanted >= 0) {
    for (const pair of pairs) {
      const index = keyOrder.indexOf(String((pair.key as Scalar).value));
      if (index >= 0 && index < wanted) previous = pair;
    }
  }
  if (!previous && wanted >= 0) {
    const next = pairs.find((pair) => keyOrder.indexOf(String((pair.key as Scalar).value)) > wanted);
    if (next) {
      const at = lineStart(yaml, (next.key as Node).range![0]);
      return splice(yaml, at, at, rendered);
    }
  }
  const at = previous ? pairEnd(yaml, previous) : yaml.length;
  const gap = at > 0 && yaml[at - 1] !== '\n' ? '\n' : '';
  return splice(yaml, at, at, gap + rendered);
}
