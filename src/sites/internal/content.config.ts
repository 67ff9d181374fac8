import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { docSchema, featureSchema, handbookSchema } from '../../engine/schemas/index.ts';
import { loadProcess } from '../../engine/load.ts';
import { contentRoot } from '../shared/env.ts';

/**
 * The engine's own schemas, imported: the site refuses exactly what the
 * validator refuses. `scripts/build.ts` validates before Astro starts, so
 * these only see content that already passed.
 */
const root = contentRoot();
const releaseProcess = loadProcess(root);
if (!releaseProcess) throw new Error(`process.yaml in ${root} is not valid: run \`npm run validate\` for details`);

const folder = (name: string) => pathToFileURL(path.join(root, name) + path.sep);
// Ids are file paths without the extension, as the engine names them.
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

export const collections = {
  /** The handbook: Starlight's docs collection, with the handbook's own frontmatter on top. */
  docs: defineCollection({
    loader: glob({ pattern: '**/[^_]*.mdx', base: folder('handbook'), generateId: idFromPath }),
    schema: docsSchema({ extend: handbookSchema }),
  }),
  features: defineCollection({
    loader: glob({ pattern: '*.mdx', base: folder('features'), generateId: idFromPath }),
    schema: featureSchema(releaseProcess),
  }),
  /** Starlight's interface strings: only where its default wording says less than we want. */
  i18n: defineCollection({
    loader: () => [{ id: 'en', 'page.editLink': 'Edit this page' }],
    schema: i18nSchema(),
  }),
  /** Self-service articles, previewed internally before and after they are public. */
  articles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: folder('docs'), generateId: idFromPath }),
    schema: docSchema,
  }),
};
