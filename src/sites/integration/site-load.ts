import { loadContent, type LoadResult } from '../../engine/load.ts';
import type { Diagnostic } from '../../engine/finding.ts';
import type { Content } from '../../engine/model.ts';
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

/** Hands the CLI's own validation of the content to the build it starts, so it is not read again. */
export function rememberValidation(root: string, today: string, load: LoadResult, diagnostics: Diagnostic[]): void {
  loads().set(keyOf(root, today), fromValidation(root, today, load, diagnostics));
}

/** Drops every load (the dev server, after a content file changed). */
export function forgetSiteLoads(): void {
  loads().clear();
}

function fromValidation(root: string, today: string, load: LoadResult, diagnostics: Diagnostic[]): SiteLoad {
  const content = load.content;
  if (!content) {
    const first = diagnostics.find((d) => d.severity === 'error');
    throw new Error(`content root ${root} is not valid${first ? ` (${first.file}:${first.line}: ${first.message})` : ''}: run \`npm run validate\` for details`);
  }
  const statuses = content.features.map((entry) => featureStatus(content, entry, today, diagnostics));
  let projection: PublicProjection | undefined;
  return {
    root,
    today,
    load,
    content,
    diagnostics,
    statuses,
    statusById: new Map(statuses.map((status) => [status.entry.id, status])),
    publicProjection: () => (projection ??= publicProjection(content)),
  };
}
