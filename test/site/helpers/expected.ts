import path from 'node:path';
import { loadContent } from '../../../src/engine/load.ts';
import type { Content } from '../../../src/engine/model.ts';
import { featureStatus, type FeatureStatus } from '../../../src/views/status.ts';
import { validateLoaded } from '../../../src/engine/validate.ts';
import { repoRoot, SITE_TODAY } from '../../e2e/helpers/build-site.ts';

/** The engine's view of a content root, which the built pages must agree with. */
export interface Expected {
  content: Content;
  statuses: FeatureStatus[];
  byId: Map<string, FeatureStatus>;
}

export function engineView(contentRoot = path.join(repoRoot, 'content'), today = SITE_TODAY): Expected {
  const load = loadContent(contentRoot);
  if (!load.content) throw new Error(`${contentRoot} does not load`);
  const content = load.content;
  const { diagnostics } = validateLoaded(load, { today });
  const statuses = content.features.map((entry) => featureStatus(content, entry, today, diagnostics));
  return { content, statuses, byId: new Map(statuses.map((s) => [s.entry.id, s])) };
}
