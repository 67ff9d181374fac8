import type { Diagnostic } from '../../engine/finding.ts';
import { loadContent } from '../../engine/load.ts';
import type { Content } from '../../engine/model.ts';
import { featureStatus, type FeatureStatus } from '../../views/status.ts';
import { validateLoaded } from '../../engine/validate.ts';
import { contentRoot, siteToday } from './env.ts';

export interface SiteData {
  content: Content;
  today: string;
  diagnostics: Diagnostic[];
  statuses: FeatureStatus[];
  statusById: Map<string, FeatureStatus>;
}

let cached: SiteData | undefined;

/**
 * The engine's view of the content for the pages: loaded and validated once
 * per build. `scripts/build.ts` has already refused content with errors, so
 * what is left to show are warnings.
 */
export function siteData(): SiteData {
  // `npm run dev` edits content under a running server: recompute on every page there.
  if (cached && !process.env.SHIPLOG_DEV) return cached;
  const today = siteToday();
  const load = loadContent(contentRoot());
  if (!load.content) throw new Error('content root is not valid: run `npm run validate` for details');
  const { diagnostics } = validateLoaded(load, { today });
  const content = load.content;
  const statuses = content.features.map((entry) => featureStatus(content, entry, today, diagnostics));
  cached = { content, today, diagnostics, statuses, statusById: new Map(statuses.map((s) => [s.entry.id, s])) };
  return cached;
}
