// The public site: customer changelog, feeds and self-service articles.
// Built by `npm run build` into dist/public/ (see src/cli/build.ts). It has no
// Starlight and reads only the public projection (src/sites/public/lib/data.ts).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { basePath } from './src/views/public-paths.ts';
import { contentRoot, publicSiteUrl } from './src/sites/shared/env.ts';
import { publicContentLinks } from './src/sites/public/lib/content-links.ts';
import { publicData } from './src/sites/public/lib/data.ts';
import { publicPagefind } from './src/sites/public/lib/pagefind.ts';

const site = publicSiteUrl();

export default defineConfig({
  site,
  base: basePath(site),
  trailingSlash: 'ignore',
  srcDir: './src/sites/public',
  publicDir: './public/public',
  outDir: './dist/public',
  cacheDir: './node_modules/.astro-public',
  markdown: {
    processor: satteri({
      mdastPlugins: [
        publicContentLinks({
          contentRoot: contentRoot(),
          publishedArticleIds: new Set(publicData().articles.map((article) => article.id)),
          siteUrl: site,
        }),
      ],
    }),
  },
  // No view-transition or prefetch scripts: the pages work as plain HTML.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(new URL(page).pathname) }),
    publicPagefind(),
  ],
});
