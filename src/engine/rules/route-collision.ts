import path from 'node:path';
import type { Content, HandbookEntry } from '../model.ts';
import { defineFeatureRule } from '../rule.ts';
import { handbookRoute, INTERNAL_GENERATED_SECTIONS, RESERVED_FEATURE_IDS } from '../routes.ts';

export default defineFeatureRule({
  id: 'route-collision',
  defaultSeverity: 'error',
  docs: {
    summary: 'a feature id or handbook path would take a route the sites generate, or two pages would get the same ' +
      'URL',
    rationale: 'Astro builds one page per address; on a collision it prints a warning and drops one of the pages, so ' +
      "a page the author wrote would silently be missing (or the board's table view would be). Caught here, " +
      'it is an error with the address named, before anything is built.',
  },
  check({ id, file }, _context, report) {
    const taken = RESERVED_FEATURE_IDS.get(id);
    if (!taken) return;
    report({
      file,
      at: { path: [] },
      message: `The feature id "${id}" would take ${taken}.`,
      hint: `Rename the file to a more specific id, e.g. ${id}-improvements.mdx (the file name is the id).`,
    });
  },
  checkRest({ content }, report) {
    const byRoute = new Map<string, HandbookEntry[]>();
    for (const page of content.handbook) {
      const route = handbookRoute(page.id);
      const section = route.split('/')[1]!;
      const generated = INTERNAL_GENERATED_SECTIONS.get(section);
      if (generated) {
        report({
          file: page.file,
          at: { path: [] },
          message: `${fileOf(content, page)} would be published at ${route}, where the site has ${generated}.`,
          hint: `Move or rename the page: handbook paths may not start with ${[...INTERNAL_GENERATED_SECTIONS.keys()].map((s) => `"${s}"`).join(', ')}.`,
        });
      }
      byRoute.set(route, [...(byRoute.get(route) ?? []), page]);
    }
    for (const [route, pages] of byRoute) {
      if (pages.length < 2) continue;
      for (const page of pages) {
        const others = pages.filter((other) => other !== page).map((other) => fileOf(content, other));
        report({
          file: page.file,
          at: { path: [] },
          message: `${fileOf(content, page)} and ${others.join(', ')} would both be published at ${route}.`,
          hint: 'Keep one of them: a folder\'s page is its index.md or index.mdx (else its README.md), so x.mdx and x/index.mdx are the same page.',
        });
      }
    }
  },
});

/** The page's file from the content root, as the author named it. */
function fileOf(content: Content, page: HandbookEntry): string {
  return path.relative(content.root, page.file.source.path).split(path.sep).join('/');
}
