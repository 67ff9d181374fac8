import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docSchema } from '../../engine/schemas/doc.ts';
import { contentRoot } from '../shared/env.ts';
import { publicData } from './lib/data.ts';

/**
 * The public site's only collection: the published articles, listed file by
 * file. Features, drafts and articles waiting for their feature never enter
 * this build's content store, so no page could render them by mistake. The
 * changelog does not come from a collection at all: pages read the public
 * projection (lib/data.ts).
 */
const published = publicData().articles.map((article) => path.basename(article.path));

export const collections = {
  articles: defineCollection({
    // glob() with no pattern would match everything; with nothing published there is nothing to load.
    loader:
      published.length > 0
        ? glob({
            pattern: published,
            base: pathToFileURL(path.join(contentRoot(), 'docs')),
            generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
          })
        : () => [],
    schema: docSchema,
  }),
};
