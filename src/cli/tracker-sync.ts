import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, Lexer, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Content, FeatureEntry } from '../engine/model.ts';
import { featureSchema } from '../engine/schemas/index.ts';
import { splitFrontmatter } from '../engine/source.ts';
import { featureBugs, labelPriority, type TrackerSnapshot } from '../engine/tracker-state.ts';
import { editFrontmatter, EditError, type FrontmatterEdit } from './frontmatter-edit.ts';
import { scalarText } from './yaml-scalar.ts';

/**
 * `bugs sync`: what the tracker's state changes in a feature page. Listed
 * bugs get the tracker's `status` and, when its labels give one, its
 * `priority`; issues labelled for the feature that the page does not list
 * are appended (url, priority when labelled, status, title). Nothing else in
 * the page changes: values are spliced in at their source ranges, new items
 * go through frontmatter-edit.ts as `advance` appends approvals, and the
 * result is re-parsed and compared with the intended data, comments
 * included, so a layout this cannot edit is refused rather than mangled.
 */

export interface BugChange {
  url: string;
  /** `added`, or the fields changed: `status open -> closed`. */
  what: string;
}

export interface SyncPlan {
  entry: FeatureEntry;
  before: string;
  after: string;
  changes: BugChange[];
  /** Listed issues the tracker does not have: left as they are, and said. */
  missing: string[];
}

/** One change inside an item of a top-level sequence: `bugs[2].status`. */
interface ItemEdit {
  key: string;
  index: number;
  field: string;
  value: string;
}

/** The page's text with the tracker's state written in; `after === before` when it already agrees. */
export function planSync(content: Content, entry: FeatureEntry, snapshot: TrackerSnapshot): SyncPlan {
  const tracker = content.process.tracker!;
  const itemEdits: ItemEdit[] = [];
  const appends: FrontmatterEdit[] = [];
  const changes: BugChange[] = [];
  const missing: string[] = [];
  for (const bug of featureBugs(content.process, entry, snapshot)) {
    if (bug.missing) {
      missing.push(bug.url);
      continue;
    }
    const issue = bug.issue;
    if (!issue) continue;
    const live = labelPriority(tracker, issue.labels);
    if (bug.index === undefined) {
      appends.push({
        op: 'append',
        key: 'bugs',
        item: { url: issue.url, ...(live ? { priority: live } : {}), status: issue.state, title: issue.title },
      });
      changes.push({ url: issue.url, what: 'added' });
      continue;
    }
    const recorded = bug.recorded!;
    const changed: string[] = [];
    if (recorded.status !== issue.state) {
      itemEdits.push({ key: 'bugs', index: bug.index, field: 'status', value: issue.state });
      changed.push(`status ${recorded.status ?? '(none)'} -> ${issue.state}`);
    }
    if (live !== undefined && recorded.priority !== live) {
      itemEdits.push({ key: 'bugs', index: bug.index, field: 'priority', value: live });
      changed.push(`priority ${recorded.priority ?? '(none)'} -> ${live}`);
    }
    if (changed.length) changes.push({ url: recorded.url, what: changed.join(', ') });
  }
  const before = entry.file.source.text;
  if (itemEdits.length === 0 && appends.length === 0) return { entry, before, after: before, changes, missing };
  const keyOrder = Object.keys(featureSchema(content.process).shape);
  const after = editFrontmatter(editItems(before, itemEdits), appends, keyOrder);
  return { entry, before, after, changes, missing };
}

/** Applies edits inside sequence items, splicing each value at its source range; verifies the result. */
export function editItems(text: string, edits: readonly ItemEdit[]): string {
  if (edits.length === 0) return text;
  const split = splitFrontmatter(text);
  if (!split.ok) throw new EditError('the file has no readable frontmatter block');
  let yaml = split.yaml;
  for (const edit of edits) yaml = applyItemEdit(yaml, edit);

  const expected = parse(split.yaml).toJS() as Record<string, unknown>;
  for (const edit of edits) ((expected[edit.key] as Record<string, unknown>[])[edit.index]!)[edit.field] = edit.value;
  const comments = (source: string) => [...new Lexer().lex(source)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd()).sort();
  if (!isDeepStrictEqual(parse(yaml).toJS(), expected) || !isDeepStrictEqual(comments(split.yaml), comments(yaml))) {
    throw new EditError('the bugs are laid out in a way this command cannot edit safely; make the change by hand');
  }
  return text.slice(0, split.yamlOffset) + yaml + text.slice(split.yamlOffset + split.yaml.length);
}

function parse(yaml: string) {
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) throw new EditError(`the frontmatter is not valid YAML (${document.errors[0]!.message.split('\n')[0]})`);
  return document;
}

function applyItemEdit(yaml: string, edit: ItemEdit): string {
  const root = parse(yaml).contents;
  if (!isMap(root)) throw new EditError('the frontmatter is not a block of "key: value" lines');
  const pair = root.items.find((p) => isScalar(p.key) && String(p.key.value) === edit.key);
  const seq = pair?.value;
  if (!isSeq(seq) || seq.flow) throw new EditError(`"${edit.key}" is not a list of "- " items this command can edit`);
  const item = seq.items[edit.index];
  if (!isMap(item) || item.flow || !item.range || item.items.length === 0) throw new EditError(`"${edit.key}" item ${edit.index + 1} is not laid out as "key: value" lines`);
  const field = (item as YAMLMap).items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === edit.field);
  const value = field?.value as Node | null | undefined;
  if (field && isScalar(value) && value.range) {
    const [start, end] = value.range;
    // `status:` with nothing after it is a null whose range is empty, right after the colon.
    const insert = start === end ? ` ${scalarText(edit.value)}` : scalarText(edit.value, { like: value as Scalar });
    return yaml.slice(0, start) + insert + yaml.slice(end);
  }
  if (field) throw new EditError(`"${edit.field}" of "${edit.key}" item ${edit.index + 1} holds a collection, not a value`);
  // A new line after the item's last one, at its keys' indentation.
  const firstKey = (item as YAMLMap).items[0]!.key as Node;
  const keyStart = firstKey.range![0];
  const lineStart = yaml.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = ' '.repeat(keyStart - lineStart);
  const lastValue = (item as YAMLMap).items.at(-1)!;
  const lastEnd = ((lastValue.value as Node | null)?.range ?? (lastValue.key as Node).range!)[1];
  const newline = yaml.indexOf('\n', lastEnd - 1 < 0 ? 0 : lastEnd - 1);
  const at = newline < 0 ? yaml.length : newline + 1;
  const eol = yaml.includes('\r\n') ? '\r\n' : '\n';
  const gap = at > 0 && yaml[at - 1] !== '\n' ? eol : '';
  return `${yaml.slice(0, at)}${gap}${indent}${edit.field}: ${scalarText(edit.value)}${eol}${yaml.slice(at)}`;
}
