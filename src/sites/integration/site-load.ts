import { loadContent, type LoadResult } from '../../engine/load.ts';
import type { Diagnostic } from '../../engine/finding.ts';
import type { Content, FeatureEntry } from '../../engine/model.ts';
import type { Bug } from '../../engine/schemas/index.ts';
import { featureBugs, type TrackerSnapshot } from '../../engine/tracker-state.ts';
import { validateLoaded } from '../../engine/validate.ts';
import { publicProjection, type PublicProjection } from '../../views/public.ts';
import { featureStatus, type FeatureStatus } from '../../views/status.ts';
import { currentSettings, type ShiplogSettings } from './settings.ts';

/**
 * The content of one build, loaded and validated once, for every page, the
 * sidebar and the content collections: they cannot disagree with each other
 * or with the validator, because there is only this one reading.
 *
 * `npm run build` validates before Astro starts and hands its result over
 * (`rememberValidation`), so a CLI build reads the content root once in all.
 */
export interface SiteLoad {
  root: string;
  today: string;
  load: LoadResult;
  content: Content;
  diagnostics: Diagnostic[];
  statuses: FeatureStatus[];
  statusById: Map<string, FeatureStatus>;
  /** The public projection, made on first use. */
  publicProjection(): PublicProjection;
  /**
   * When the build read the bug tracker (`npm run build -- --online`): which
   * tracker, when, and the addresses of issues found by label that no page
   * lists yet. The statuses then carry the tracker's bug states.
   */
  tracker?: { repository: string; fetchedAt: string; unlisted: ReadonlySet<string> } | undefined;
}

// Shared through globalThis for the reason given in settings.ts.
const LOADS = Symbol.for('shiplog.site-loads');
type Shared = typeof globalThis & { [LOADS]?: Map<string, SiteLoad> };
const loads = (): Map<string, SiteLoad> => ((globalThis as Shared)[LOADS] ??= new Map());
const keyOf = (root: string, today: string) => `${root}\0${today}`;

/** The load of `root` as of `today`: made at most once per process, until `forgetSiteLoads`. */
export function siteLoad(settings: Pick<ShiplogSettings, 'content' | 'today'> = currentSettings()): SiteLoad {
  const key = keyOf(settings.content, settings.today);
  let site = loads().get(key);
  if (!site) {
    const load = loadContent(settings.content);
    site = fromValidation(settings.content, settings.today, load, validateLoaded(load, { today: settings.today }).diagnostics);
    loads().set(key, site);
  }
  return site;
}

/**
 * Hands the CLI's own validation of the content to the build it starts, so it
 * is not read again; with the tracker's state when the build read it (`--online`).
 */
export function rememberValidation(root: string, today: string, load: LoadResult, diagnostics: Diagnostic[], tracker?: TrackerSnapshot): void {
  loads().set(keyOf(root, today), fromValidation(root, today, load, diagnostics, tracker));
}

/** Drops every load: the next siteLoad() reads the content again. */
export function forgetSiteLoads(): void {
  loads().clear();
}

// The dev server: what to redo after content files changed (the shiplog() integration's listener prints the
// findings, has Astro refill the collections and reloads the browser).
const LISTENERS = Symbol.for('shiplog.content-listeners');
const TIMER = Symbol.for('shiplog.content-timer');
type Listeners = typeof globalThis & { [LISTENERS]?: Map<string, () => void | Promise<void>>; [TIMER]?: ReturnType<typeof setTimeout> };

/** Runs `redo` after every change to the content (the latest `redo` per name counts). */
export function onContentChange(name: string, redo: () => void | Promise<void>): void {
  ((globalThis as Listeners)[LISTENERS] ??= new Map()).set(name, redo);
}

/**
 * A content file changed (the dev server's watcher says so). A save touches
 * several files at once and several watchers hear it: the load is dropped and
 * everything redone once, shortly after the last change.
 */
export function contentChanged(): void {
  const shared = globalThis as Listeners;
  clearTimeout(shared[TIMER]);
  shared[TIMER] = setTimeout(() => {
    forgetSiteLoads();
    for (const redo of shared[LISTENERS]?.values() ?? []) {
      // A listener that fails leaves the dev server running; a content root that no longer loads is reported by the listener itself.
      Promise.resolve()
        .then(redo)
        .catch(() => {});
    }
  }, 50);
}

/** process.yaml or team.yaml is unusable, so there is no content to build pages from; the findings say why. */
export class ContentRootInvalid extends Error {
  readonly diagnostics: Diagnostic[];
  readonly files: number;
  constructor(root: string, diagnostics: Diagnostic[], files: number) {
    const first = diagnostics.find((d) => d.severity === 'error');
    super(`content root ${root} is not valid${first ? ` (${first.file}:${first.line}: ${first.message})` : ''}: run \`npm run validate\` for details`);
    this.diagnostics = diagnostics;
    this.files = files;
  }
}

function fromValidation(root: string, today: string, load: LoadResult, diagnostics: Diagnostic[], tracker?: TrackerSnapshot): SiteLoad {
  const content = load.content;
  if (!content) throw new ContentRootInvalid(root, diagnostics, load.files.length);
  const unlisted = new Set<string>();
  // With the tracker's state, each feature's status (its page, the queues) shows the bugs as the tracker has them.
  const judged = (entry: FeatureEntry): FeatureEntry => {
    if (!tracker || !content.process.tracker) return entry;
    const bugs = featureBugs(content.process, entry, tracker).map((bug): Bug => {
      if (bug.index === undefined) unlisted.add(bug.url);
      return { url: bug.url, title: bug.title, priority: bug.priority, status: bug.missing ? undefined : bug.status };
    });
    return { ...entry, data: { ...entry.data, bugs } };
  };
  const statuses = content.features.map((entry) => featureStatus(content, judged(entry), today, diagnostics));
  let projection: PublicProjection | undefined;
  return {
    root,
    today,
    load,
    content,
    diagnostics,
    statuses,
    statusById: new Map(statuses.map((status) => [status.entry.id, status])),
    publicProjection: () => (projection ??= publicProjection(content, { today })),
    tracker: tracker && content.process.tracker ? { repository: tracker.repository, fetchedAt: tracker.fetchedAt, unlisted } : undefined,
  };
}
