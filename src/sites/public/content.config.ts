import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { docSchema } from '../../engine/schemas/doc.ts';
import { engineCollection } from '../integration/content-loader.ts';
import { publicData, publishedArticleEntries } from './lib/data.ts';

/**
 * The public site's collections: the published articles, and the pictures
 * of published changelog entries. Features, drafts and articles waiting for
 * their feature never enter this build's content store, so no page could
 * render them by mistake. The changelog itself does not come from a
 * collection: pages read the public projection (lib/data.ts), which also
 * refused any article with code, and any picture outside the content root,
 * before they got here.
 */
export const collections = {
  articles: defineCollection({
    loader: engineCollection(() => publishedArticleEntries()),
    schema: docSchema,
  }),
  /**
   * One entry per published changelog entry with a picture, keyed by the
   * entry's id. Going through a collection's `image()` is what puts the file
   * through Astro's image pipeline (astro:assets) like an image in an article.
   */
  entryImages: defineCollection({
    loader: {
      name: 'shiplog-entry-images',
      async load({ store, parseData, config }) {
        const projectRoot = fileURLToPath(config.root);
        store.clear();
        for (const entry of publicData().changelog) {
          if (!entry.image) continue;
          // image() resolves "./name" against the entry's file: here the picture itself.
          const data = await parseData({ id: entry.id, data: { src: `./${path.basename(entry.image.path)}`, alt: entry.image.alt } });
          store.set({ id: entry.id, data, filePath: path.relative(projectRoot, entry.image.path).split(path.sep).join('/') });
        }
      },
    },
    schema: ({ image }) => z.object({ src: image(), alt: z.string() }),
  }),
};
