import { defineCollection } from 'astro:content';
import { docSchema } from '../../engine/schemas/doc.ts';
import { engineCollection } from '../integration/content-loader.ts';
import { publishedArticleEntries } from './lib/data.ts';

/**
 * The public site's only collection: the published articles. Features,
 * drafts and articles waiting for their feature never enter this build's
 * content store, so no page could render them by mistake. The changelog does
 * not come from a collection at all: pages read the public projection
 * (lib/data.ts), which also refused any article with code before it got here.
 */
export const collections = {
  articles: defineCollection({
    loader: engineCollection(() => publishedArticleEntries()),
    schema: docSchema,
  }),
};
