import path from 'node:path';
import { currentSettings } from '../../integration/settings.ts';

/**
 * Which handbook file a Starlight route renders, if any. Starlight's entry
 * paths are relative to the project root; generated pages (StarlightPage)
 * carry a made-up path under src/, which is not in the content root.
 */
export function handbookPageOf(route: { entry: { id?: string; filePath?: string | undefined } }): { id: string; file: string } | undefined {
  const filePath = route.entry.filePath;
  if (!filePath) return undefined;
  const { repoRoot, content } = currentSettings();
  const file = path.resolve(repoRoot, filePath);
  const relative = path.relative(path.join(content, 'handbook'), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  // The entry's id is the engine's page id (made from the path: `People Ops/Swag.md` is `people-ops/swag`),
  // except on the home page, whose id Starlight empties for its route: that page is the handbook's `index`.
  return { id: route.entry.id || 'index', file };
}

/** The `stage` a handbook page declares in its frontmatter (the page that documents that stage). */
export function declaredStageOf(route: { entry: { data?: unknown } }): string | undefined {
  const data = route.entry.data as { stage?: unknown } | undefined;
  return typeof data?.stage === 'string' ? data.stage : undefined;
}
