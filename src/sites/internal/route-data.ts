import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { currentSettings } from '../integration/settings.ts';
import { siteData } from './lib/site-data.ts';
import { sourceInfo } from './lib/source-info.ts';
import { declaredStageOf, handbookPageOf } from './lib/page-source.ts';

/**
 * Edit links and "last updated" dates for every page made from a content
 * file: handbook pages (found from their entry) and generated pages that
 * name their file in `Astro.locals.shiplogSourceFile` (features, articles).
 * Starlight's own `lastUpdated` only knows files under src/content/docs.
 * Stage pages also list their generated blocks in "On this page".
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const page = handbookPageOf(route);
  const stageId = page ? declaredStageOf(route) : undefined;
  const stage = stageId ? siteData().content.stageById.get(stageId) : undefined;
  if (stage && route.toc) {
    const generated = [
      { depth: 2, slug: 'stage-rules', text: 'The rules, from process.yaml', children: [] },
      { depth: 2, slug: 'features-in-stage', text: `In ${stage.name} now`, children: [] },
    ];
    route.toc.items.splice(1, 0, ...generated);
  }
  const file = context.locals.shiplogSourceFile ?? page?.file;
  if (!file) return;
  const settings = currentSettings();
  const info = sourceInfo(settings.content, file, { root: settings.repoRoot, url: settings.repoUrl });
  route.editUrl = info.editUrl ? new URL(info.editUrl) : undefined;
  route.lastUpdated = info.lastUpdated;
  context.locals.shiplogLastUpdatedUnknown = info.lastUpdatedUnknown;
});
