import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { docSchema, handbookSchema } from '../../engine/schemas/index.ts';
import { engineCollection } from '../integration/content-loader.ts';

/**
 * Every collection is fed by the build's one load of the content root
 * (integration/site-load.ts): the data is what the validator read and
 * judged, not a second reading of the files. The handbook is Starlight's
 * docs collection, with the handbook's own frontmatter on top.
 */
/**
 * The handbook's frontmatter: Starlight's schema with ours on top, built
 * once. Starlight's <StarlightPage> (every feature, person and article page)
 * parses its frontmatter with this collection's schema, and given the usual
 * schema function it builds the schema again for every page (about 1.4 ms
 * each, the largest per-page cost at 10,000 features). The handbook uses no
 * hero images, so `image()` accepts none.
 */
const handbookFrontmatter = docsSchema({ extend: handbookSchema })({ image: () => z.never() as never });

export const collections = {
  docs: defineCollection({
    loader: engineCollection((site) => site.content.handbook),
    schema: handbookFrontmatter,
  }),
  // Only the bodies: a feature page reads its data from siteData(), already checked against featureSchema(process.yaml).
  // A copy in the content store would be bundled into the build (about 1 KB per feature) and never read.
  features: defineCollection({ loader: engineCollection((site) => site.content.features, { storeData: false }) }),
  /** Starlight's interface strings: only where its default wording says less than we want. */
  i18n: defineCollection({
    loader: () => [{ id: 'en', 'page.editLink': 'Edit this page' }],
    schema: i18nSchema(),
  }),
  /** Self-service articles, previewed internally before and after they are public. */
  articles: defineCollection({ loader: engineCollection((site) => site.content.docs), schema: docSchema }),
};
