import type { FindingLocation } from './finding.ts';
import type { Bug, Feature, Process } from './schemas/index.ts';

/**
 * The bug tracker's live state, as data. The engine never asks the tracker
 * anything: a command run with `--online` fetches a snapshot (src/cli/tracker.ts)
 * and hands it to validation, so the rules stay pure, offline and repeatable
 * (the same snapshot always gives the same findings).
 */

export type Tracker = NonNullable<Process['tracker']>;

/** One issue as the tracker reported it. */
export interface TrackedIssue {
  /** The issue's address on the tracker's web site (html_url). */
  url: string;
  number: number;
  /** One line, without control characters (trackerTitle). */
  title: string;
  state: 'open' | 'closed';
  labels: readonly string[];
}

export interface TrackerSnapshot {
  /** The tracker's repository, owner/repo. */
  repository: string;
  /** When the state was read (ISO 8601, UTC). */
  fetchedAt: string;
  /**
   * Issues by issueKey(): each issue found by label, and each one a page
   * lists by URL. `null`: the tracker answered that there is no such issue
   * (404 or 410), so its state cannot be known.
   */
  issues: ReadonlyMap<string, TrackedIssue | null>;
  /** Feature id -> keys of the issues carrying the feature's label (not pull requests), in the tracker's order. */
  labelled: ReadonlyMap<string, readonly string[]>;
}

/**
 * `owner/repo#123` (lowercase) for the address of an issue or pull request
 * of `repository` (owner/repo), on any host (github.com or a GitHub
 * Enterprise server); undefined for any other address. A page's `bugs` entry
 * is judged by the tracker only when its URL names an issue of the tracker's
 * repository.
 */
export function issueKey(url: string, repository: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = /^\/([^/]+)\/([^/]+)\/(?:issues|pull)\/(\d+)\/?$/.exec(pathname);
  if (!match) return undefined;
  const repo = `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`.toLowerCase();
  if (repo !== repository.toLowerCase()) return undefined;
  return `${repo}#${Number(match[3])}`;
}

/** The label that marks an issue as a bug of `featureId` (`featureLabel` with `{id}` replaced). */
export function featureLabel(tracker: Tracker, featureId: string): string {
  return tracker.featureLabel.replaceAll('{id}', featureId);
}

/**
 * The priority the tracker's labels give an issue: high when it has any
 * high label (also when it has a low one too: the stricter reading), low
 * when it has a low label, undefined when it has neither (the page's
 * recorded priority, if any, then stands).
 */
export function labelPriority(tracker: Tracker, labels: readonly string[]): Bug['priority'] {
  const has = (names: readonly string[]) => labels.some((label) => names.some((name) => name.toLowerCase() === label.toLowerCase()));
  if (has(tracker.priority.high)) return 'high';
  if (has(tracker.priority.low)) return 'low';
  return undefined;
}

/**
 * A title as the tracker gave it, made safe to show and to write into a
 * page: control characters (escape sequences, line breaks) become spaces,
 * runs of spaces one, and it is cut to 200 characters.
 */
export function trackerTitle(title: unknown): string {
  const text = String(title ?? '')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = text.length > 200 ? `${[...text].slice(0, 199).join('')}…` : text;
  return cut || '(untitled)';
}

/** A bug of a feature as the rules judge it: the page's record, with the tracker's state when there is one. */
export interface FeatureBug {
  url: string;
  title?: string | undefined;
  priority?: Bug['priority'];
  status?: Bug['status'];
  /** Where a finding about it goes: its `bugs` entry, or the `bugs` key for an issue found only by label. */
  at: FindingLocation;
  /** Its index in the page's `bugs`, when the page lists it. */
  index?: number | undefined;
  /** What the page records, for a listed bug. */
  recorded?: Bug | undefined;
  /** The tracker's issue, when the tracker judged this bug. */
  issue?: TrackedIssue | undefined;
  /** The tracker answered that the listed issue does not exist. */
  missing?: boolean | undefined;
}

/**
 * A feature's bugs. Without a snapshot (no `--online`), the page's `bugs`
 * exactly as recorded. With one, each listed bug of the tracker's repository
 * takes the tracker's state (open or closed) and, when its labels give one,
 * the tracker's priority; then come the issues carrying the feature's label
 * that the page does not list.
 */
export function featureBugs(process: Process, feature: { id: string; data: Feature }, snapshot: TrackerSnapshot | undefined): FeatureBug[] {
  const recorded: FeatureBug[] = feature.data.bugs.map((bug, index) => ({
    url: bug.url,
    title: bug.title,
    priority: bug.priority,
    status: bug.status,
    at: { path: ['bugs', index], anchor: 'value' },
    index,
    recorded: bug,
  }));
  const tracker = process.tracker;
  if (!snapshot || !tracker) return recorded;
  const listed = new Set<string>();
  const bugs = recorded.map((bug): FeatureBug => {
    const key = issueKey(bug.url, tracker.github);
    if (key === undefined) return bug;
    listed.add(key);
    const issue = snapshot.issues.get(key);
    if (issue === undefined) return bug;
    if (issue === null) return { ...bug, missing: true };
    return { ...bug, issue, title: issue.title, status: issue.state, priority: labelPriority(tracker, issue.labels) ?? bug.priority };
  });
  for (const key of snapshot.labelled.get(feature.id) ?? []) {
    const issue = snapshot.issues.get(key);
    if (listed.has(key) || !issue) continue;
    listed.add(key);
    bugs.push({ url: issue.url, title: issue.title, status: issue.state, priority: labelPriority(tracker, issue.labels), at: { path: ['bugs'] }, issue });
  }
  return bugs;
}

/** "https://github.com/acme/helpdesk/issues/7 (“Title”)", or the address alone when the title is not known. */
export function describeBug(bug: Pick<FeatureBug, 'url' | 'title' | 'issue'>): string {
  return bug.issue ? `${bug.url} ("${bug.issue.title}")` : bug.url;
}
