import { splitFrontmatter } from '../engine/source.ts';
import { readYaml, YamlDate } from '../engine/yaml-reader.ts';

/**
 * What changed in a feature page between two of its versions, as data: the
 * stage, the entry dates, the approvals. The one computation of stage
 * transitions, shared by the feature pages' History section, the /changes/
 * page and its feeds, and `npm run announce`. Pure: the versions' texts are
 * read from git elsewhere (src/cli/git.ts).
 *
 * Old versions are read leniently (YAML only, no schema): a version written
 * under an older process.yaml, or one with a typo fixed a commit later, still
 * says which stage the feature was in.
 */

/** A commit, as history shows it. */
export interface CommitRef {
  sha: string;
  author: string;
  /** ISO 8601 date and time the commit landed. */
  date: string;
  subject: string;
  /** The pull request named in the commit message, else null. */
  pr: number | null;
}

/** The pull request a commit message names: `Merge pull request #N from ...`, or a squash title ending in `(#N)`. */
export function pullRequestNumber(subject: string): number | null {
  const match = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

export interface Approval {
  person: string;
  stage: string;
  date: string;
}

/** The fields of one version of a feature page that history follows. */
export interface FeatureSnapshot {
  title: string | undefined;
  stage: string | undefined;
  team: string | undefined;
  target: string | undefined;
  dates: Record<string, string>;
  approvals: Approval[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : value instanceof YamlDate ? value.text : undefined);

/** The followed fields of a page's text; undefined when its frontmatter cannot be read at all. */
export function readSnapshot(source: string): FeatureSnapshot | undefined {
  const split = splitFrontmatter(source);
  if (!split.ok) return undefined;
  let data: unknown;
  try {
    data = readYaml(split.yaml);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const dates: Record<string, string> = {};
  if (record.dates && typeof record.dates === 'object' && !Array.isArray(record.dates)) {
    for (const [stage, value] of Object.entries(record.dates as Record<string, unknown>)) {
      const date = text(value);
      if (date !== undefined) dates[stage] = date;
    }
  }
  const approvals: Approval[] = [];
  if (Array.isArray(record.approvers)) {
    for (const item of record.approvers as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const { person, stage, date } = item as Record<string, unknown>;
      const [p, s, d] = [text(person), text(stage), text(date)];
      if (p !== undefined && s !== undefined) approvals.push({ person: p, stage: s, date: d ?? '' });
    }
  }
  return { title: text(record.title), stage: text(record.stage), team: text(record.team), target: text(record.target), dates, approvals };
}

export type HistoryChange =
  /** `from` is null when the page is new. */
  | { kind: 'stage'; from: string | null; to: string }
  | { kind: 'date'; stage: string; from: string | null; to: string | null }
  | { kind: 'approval'; change: 'added' | 'removed'; approval: Approval }
  /** The page (the feature id) was renamed from `from`. */
  | { kind: 'renamed'; from: string };

/**
 * What changed from `before` (undefined: the page did not exist) to `after`:
 * the stage, then entry dates in the order `stageOrder` gives (others after,
 * by name), then approvals removed and added. An approval whose date changed
 * is one removed and one added.
 */
export function changesBetween(before: FeatureSnapshot | undefined, after: FeatureSnapshot, stageOrder: readonly string[] = []): HistoryChange[] {
  const changes: HistoryChange[] = [];
  if (after.stage !== undefined && after.stage !== before?.stage) changes.push({ kind: 'stage', from: before?.stage ?? null, to: after.stage });
  const rank = (stage: string) => {
    const index = stageOrder.indexOf(stage);
    return index < 0 ? stageOrder.length : index;
  };
  const stages = [...new Set([...Object.keys(before?.dates ?? {}), ...Object.keys(after.dates)])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const stage of stages) {
    const from = before?.dates[stage] ?? null;
    const to = after.dates[stage] ?? null;
    if (from !== to) changes.push({ kind: 'date', stage, from, to });
  }
  const key = (a: Approval) => `${a.person}\0${a.stage}\0${a.date}`;
  const remaining = new Map<string, number>();
  for (const approval of before?.approvals ?? []) remaining.set(key(approval), (remaining.get(key(approval)) ?? 0) + 1);
  const added: Approval[] = [];
  for (const approval of after.approvals) {
    const left = remaining.get(key(approval)) ?? 0;
    if (left > 0) remaining.set(key(approval), left - 1);
    else added.push(approval);
  }
  const removed = (before?.approvals ?? []).filter((approval) => {
    const left = remaining.get(key(approval)) ?? 0;
    if (left === 0) return false;
    remaining.set(key(approval), left - 1);
    return true;
  });
  for (const approval of removed) changes.push({ kind: 'approval', change: 'removed', approval });
  for (const approval of added) changes.push({ kind: 'approval', change: 'added', approval });
  return changes;
}

/** One commit's changes to one feature. */
export interface HistoryEvent {
  feature: string;
  commit: CommitRef;
  changes: HistoryChange[];
  /** The page as of this commit. */
  snapshot: FeatureSnapshot;
  /** The commit's place in the walk, 0 for the newest: commits of one second share a date, not a place. */
  order: number;
}

/** A feature's history, newest event first. */
export interface FeatureHistory {
  id: string;
  events: HistoryEvent[];
  /**
   * Set when the history is cut short by a shallow clone: the date of the
   * boundary commit, before which nothing is known. The page existed then,
   * so what it looked like first is not its creation.
   */
  partialBefore: string | undefined;
}

/** One change of a file in a commit, with the texts before and after (undefined where the file does not exist). */
export interface VersionChange {
  /** File name inside the features folder (`x.mdx`). */
  name: string;
  /** The name before, for a rename. */
  oldName: string | undefined;
  before: string | undefined;
  after: string | undefined;
}

/** A commit of the features folder's history, with its changes (see src/cli/git.ts `folderLog`). */
export interface HistoryCommit {
  commit: CommitRef;
  /** A shallow clone's boundary: its "changes" are the whole folder appearing, not history. */
  boundary: boolean;
  changes: VersionChange[];
}

const featureId = (name: string) => (name.endsWith('.mdx') ? name.slice(0, -'.mdx'.length) : undefined);

/**
 * Every feature's history from one walk of the features folder (commits
 * newest first), renames followed: changes made under an older file name
 * belong to the feature under its newest name. `ids` limits the result to
 * those features (the pages that exist now); others are still followed
 * through renames but not returned.
 */
export function featureHistories(commits: readonly HistoryCommit[], ids: Iterable<string>, stageOrder: readonly string[] = []): Map<string, FeatureHistory> {
  const wanted = new Set(ids);
  // Walking back in time: which feature a file name belongs to at this point.
  const owner = new Map<string, string>();
  const ownerOf = (name: string) => owner.get(name) ?? featureId(name);
  const perFeature = new Map<string, { commit: HistoryCommit; change: VersionChange; order: number }[]>();
  const partial = new Map<string, string>();
  for (const [order, commit] of commits.entries()) {
    for (const change of commit.changes) {
      const id = ownerOf(change.name);
      if (id === undefined) continue;
      if (commit.boundary) {
        // (Its texts are not read: every file appears added there.)
        partial.set(id, commit.commit.date);
        continue;
      }
      perFeature.set(id, [...(perFeature.get(id) ?? []), { commit, change, order }]);
      if (change.oldName !== undefined) owner.set(change.oldName, id);
      // Before a rename to this name or a creation under it, a file of this name was another page.
      if (change.oldName !== undefined || (change.before === undefined && change.after !== undefined)) owner.set(change.name, `\0gone:${change.name}`);
    }
  }
  const histories = new Map<string, FeatureHistory>();
  for (const id of wanted) {
    const changes = (perFeature.get(id) ?? []).reverse();
    const events: HistoryEvent[] = [];
    // The last readable version: a broken version in between changes nothing that history follows.
    let last: FeatureSnapshot | undefined = undefined;
    let first = true;
    for (const { commit, change, order } of changes) {
      const before = first && change.before !== undefined ? readSnapshot(change.before) : last;
      first = false;
      if (change.after === undefined) {
        // Deleted, then (later) created again: the new page starts afresh.
        last = undefined;
        continue;
      }
      const after = readSnapshot(change.after);
      if (!after) continue;
      const found: HistoryChange[] = [];
      const oldId = change.oldName !== undefined ? featureId(change.oldName) : undefined;
      if (oldId !== undefined && oldId !== featureId(change.name)) found.push({ kind: 'renamed', from: oldId });
      found.push(...changesBetween(before, after, stageOrder));
      last = after;
      if (found.length > 0) events.push({ feature: id, commit: commit.commit, changes: found, snapshot: after, order });
    }
    histories.set(id, { id, events: events.reverse(), partialBefore: partial.get(id) });
  }
  return histories;
}

/** A change of stage: what /changes/, its feed and `npm run announce` list. */
export interface StageTransition {
  feature: string;
  from: string | null;
  to: string;
  commit: CommitRef;
  /** The page as of the commit that moved it. */
  snapshot: FeatureSnapshot;
  /** As in HistoryEvent. */
  order: number;
}

/** Every stage change in these histories, newest first (by commit, then by entry date, then by feature id). */
export function stageTransitions(histories: Iterable<FeatureHistory>): StageTransition[] {
  const transitions: StageTransition[] = [];
  for (const history of histories) {
    for (const event of history.events) {
      for (const change of event.changes) {
        if (change.kind === 'stage') transitions.push({ feature: event.feature, from: change.from, to: change.to, commit: event.commit, snapshot: event.snapshot, order: event.order });
      }
    }
  }
  // Within one commit (a first import holds every page), the later entry date first.
  return transitions.sort((a, b) => a.order - b.order || transitionDate(b).localeCompare(transitionDate(a)) || a.feature.localeCompare(b.feature));
}

/**
 * The day a transition happened: the entry date the page gives the stage it
 * entered, else the (UTC) day of the commit.
 */
export function transitionDate(transition: StageTransition): string {
  return transition.snapshot.dates[transition.to] ?? new Date(transition.commit.date).toISOString().slice(0, 10);
}

/** How pages name stages and people. */
export interface HistoryNames {
  stage(id: string): string;
  person(id: string): string;
  date(date: string): string;
}

/** One change in words: "Stage: Internal Release → Beta Release", "Approval by Gary McGrath for Beta Release (29 Sep 2026) added". */
export function describeChange(change: HistoryChange, names: HistoryNames): string {
  switch (change.kind) {
    case 'stage':
      return change.from === null ? `Created in ${names.stage(change.to)}` : `Stage: ${names.stage(change.from)} → ${names.stage(change.to)}`;
    case 'date': {
      const stage = names.stage(change.stage);
      if (change.from === null) return `Entered ${stage} on ${names.date(change.to!)}`;
      if (change.to === null) return `Entry date for ${stage} (${names.date(change.from)}) removed`;
      return `Entry date for ${stage} changed from ${names.date(change.from)} to ${names.date(change.to)}`;
    }
    case 'approval': {
      const { person, stage, date } = change.approval;
      const when = date ? ` (${names.date(date)})` : '';
      return `Approval by ${names.person(person)} for ${names.stage(stage)}${when} ${change.change}`;
    }
    case 'renamed':
      return `Renamed from ${change.from}`;
  }
}
