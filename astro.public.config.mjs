// The public site: customer changelog, feeds and self-service articles.
// Built by `npm run build` into dist/public/. It has no Starlight and reads
// only the public projection (src/sites/public/lib/data.ts); the shiplog()
// integration in public mode brings MDX, the sitemap and the search index.
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { basePath } from './src/views/public-paths.ts';
import { settingsFromEnvironment, shiplog } from './src/sites/integration/index.ts';
import { parseSettings } from './src/sites/integration/settings.ts';
import { publicContentLinks } from './src/sites/public/lib/content-links.ts';
import { publishedArticleIds } from './src/sites/public/lib/data.ts';

const settings = parseSettings(settingsFromEnvironment('public'));
const integrations = shiplog(settings);

export default defineConfig({
  site: settings.publicUrl,
  base: basePath(settings.publicUrl),
  trailingSlash: 'ignore',
  srcDir: './src/sites/public',
  publicDir: './public/public',
  outDir: './dist/public',
  cacheDir: './node_modules/.astro-public',
  markdown: {
    processor: satteri({
      mdastPlugins: [publicContentLinks({ contentRoot: settings.content, publishedArticleIds: publishedArticleIds(), siteUrl: settings.publicUrl })],
    }),
  },
  // No view-transition or prefetch scripts: the pages work as plain HTML.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations,
});
