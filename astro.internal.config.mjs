// The internal handbook (Starlight). `npm run build` and `npm run dev` load
// this file; SHIPLOG_CONTENT and SHIPLOG_TODAY (src/sites/shared/env.ts) say
// which content root to show and as of which day.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { contentRoot, internalSiteUrl, repoUrl } from './src/sites/shared/env.ts';
import { internalRouteFor, rewriteContentLinks } from './src/sites/shared/links.ts';
import { handbookSidebar } from './src/sites/internal/sidebar.ts';

const root = contentRoot();
// Astro keeps the content store in cacheDir; builds of different content roots (tests build fixtures) must not share one.
const cacheKey = createHash('sha256').update(root).digest('hex').slice(0, 12);

export default defineConfig({
  site: internalSiteUrl(),
  srcDir: './src/sites/internal',
  outDir: './dist/internal',
  publicDir: './public/internal',
  cacheDir: `./node_modules/.astro-internal/${cacheKey}`,
  markdown: { processor: satteri({ mdastPlugins: [rewriteContentLinks(internalRouteFor(root))] }) },
  // Starlight imports js-yaml 4's default export; the hoisted js-yaml is 5 (no default). Bundling picks Starlight's own copy.
  vite: {
    resolve: { noExternal: ['js-yaml'] },
    build: {
      rolldownOptions: {
        // Astro's own MDX output carries this directive; the warning repeats once per content file and means nothing to us.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: 'Shiplog handbook',
      description: 'How features get from a pull request to every customer, and where each one stands.',
      social: [{ icon: 'github', label: 'Repository', href: repoUrl() }],
      // Edit links and git dates are set per page in route-data.ts (content lives outside src/content/docs).
      routeMiddleware: './src/sites/internal/route-data.ts',
      customCss: ['./src/sites/internal/styles/handbook.css'],
      components: {
        MarkdownContent: './src/sites/internal/components/overrides/MarkdownContent.astro',
        LastUpdated: './src/sites/internal/components/overrides/LastUpdated.astro',
      },
      markdown: { processedDirs: ['handbook', 'features', 'docs'].map((folder) => path.join(root, folder)) },
      sidebar: handbookSidebar(root),
      credits: false,
      expressiveCode: false,
    }),
  ],
});
