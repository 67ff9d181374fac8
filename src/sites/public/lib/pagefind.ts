import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the public site's search index once Astro has written the pages.
 * Starlight does this for the internal site; the public site has no
 * Starlight, so it runs Pagefind's Node API itself, over the public output
 * folder only, so the index can only hold what the public pages show.
 */
export function publicPagefind(): AstroIntegration {
  return {
    name: 'shiplog-public-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('; ') || 'Pagefind did not create an index');
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          check(added.errors);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          check(written.errors);
          logger.info(`Pagefind indexed ${added.page_count} pages.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

function check(errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed: ${errors.join('; ')}`);
}
