// The internal handbook (Starlight), built by `npm run build` and served by
// `npm run dev`. Everything Shiplog-specific comes from the shiplog()
// integration; the CLI passes its settings in SHIPLOG_* variables.
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { settingsFromEnvironment, shiplog } from './src/sites/integration/index.ts';
import { parseSettings } from './src/sites/integration/settings.ts';
import { internalContentLinks } from './src/sites/shared/links.ts';

const settings = parseSettings(settingsFromEnvironment('internal'));
// Astro keeps the content store in cacheDir; builds of different content roots (tests build fixtures) must not share one.
const cacheKey = createHash('sha256').update(settings.content).digest('hex').slice(0, 12);

export default defineConfig({
  site: settings.internalUrl,
  srcDir: './src/sites/internal',
  outDir: './dist/internal',
  publicDir: './public/internal',
  cacheDir: `./node_modules/.astro-internal/${cacheKey}`,
  markdown: { processor: satteri({ mdastPlugins: [internalContentLinks(settings.content)] }) },
  vite: {
    // Starlight imports js-yaml 4's default export; the hoisted js-yaml is 5 (no default). Bundling picks Starlight's own copy.
    resolve: { noExternal: ['js-yaml'] },
  },
  integrations: [shiplog(settings)],
});
