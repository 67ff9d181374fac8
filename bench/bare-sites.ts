/**
 * The yardsticks for the site build: throwaway Astro projects made from the
 * same content root as our internal site, with none of our code in them.
 *
 * - bare Starlight: `starlight({ title })` and Starlight's own docs
 *   collection, nothing else. Every feature page and handbook page becomes a
 *   docs page with only `title` and `description` in its frontmatter (all
 *   Starlight's schema accepts without an `extend`); the Markdown bodies are
 *   copied unchanged.
 * - bare Astro: the same pages through `@astrojs/mdx` and one page template
 *   that prints the title and the body, no layout, no CSS, no JS.
 *
 * Both projects live under bench/.work/ inside this repository and have no
 * node_modules of their own: Node and Vite find astro and Starlight in
 * /work/main/node_modules by the usual parent-folder lookup. (A symlinked
 * node_modules breaks Starlight's style compilation; a real folder outside
 * the repository would be a second copy of every package.) Each project has
 * its own package.json naming its dependencies, because Astro decides which
 * packages Vite must bundle from the project's own package.json.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

export interface BarePage {
  /** Path under the docs folder, e.g. `features/x.mdx`, `stages/internal.mdx`. */
  file: string;
  title: string;
  description: string;
  body: string;
}

/** The frontmatter (parsed) and the body of an MDX file; the split matches Astro's (`---` lines). */
function splitPage(file: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter; the bench only reads content that validates`);
  const data = load(match[1]!);
  if (!data || typeof data !== 'object') throw new Error(`${file}: frontmatter is not a mapping`);
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}

function mdxFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return mdxFiles(path.join(folder, entry.name), relative);
      return entry.name.endsWith('.mdx') && !entry.name.startsWith('_') ? [relative] : [];
    })
    .sort();
}

/** Every feature (description = its summary) and handbook page of a content root, reduced to title + description. */
export function barePages(contentRoot: string): BarePage[] {
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value : fallback);
  const features = mdxFiles(path.join(contentRoot, 'features')).map((name): BarePage => {
    const { data, body } = splitPage(path.join(contentRoot, 'features', name));
    return { file: `features/${name}`, title: text(data.title, name), description: text(data.summary, ''), body };
  });
  const handbook = mdxFiles(path.join(contentRoot, 'handbook')).map((name): BarePage => {
    const { data, body } = splitPage(path.join(contentRoot, 'handbook', name));
    return { file: name, title: text(data.title, name), description: text(data.description, ''), body };
  });
  return [...handbook, ...features];
}

export interface BareProject {
  /** The project root (`--root`). */
  dir: string;
  /** Its cacheDir and the `.astro` folder: what "cold" removes before each build. */
  caches: string[];
  outDir: string;
  pages: number;
}

function writePages(docsDir: string, pages: readonly BarePage[]): void {
  for (const page of pages) {
    const file = path.join(docsDir, page.file);
    mkdirSync(path.dirname(file), { recursive: true });
    // JSON strings are valid YAML scalars, so titles with colons or quotes need no escaping rules of our own.
    const frontmatter = `---\ntitle: ${JSON.stringify(page.title)}\ndescription: ${JSON.stringify(page.description)}\n---\n`;
    writeFileSync(file, frontmatter + page.body);
  }
}

/** Replaces the project in `dir`, keeping its node_modules/ (only Vite's dep cache lives there). */
function writeProject(dir: string, files: Record<string, string>, pages: readonly BarePage[], docsDir: string): BareProject {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(path.join(dir, entry), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writePages(path.join(dir, docsDir), pages);
  return { dir, caches: [path.join(dir, '.cache'), path.join(dir, '.astro')], outDir: path.join(dir, 'dist'), pages: pages.length };
}

const packageJson = (name: string, dependencies: string[]) =>
  `${JSON.stringify({ name, private: true, type: 'module', dependencies: Object.fromEntries(dependencies.map((d) => [d, '*'])) }, null, 2)}\n`;

/**
 * Replaces `dir` with a bare Starlight project holding `pages`.
 *
 * `sidebar: 'default'` is the brief's yardstick, `starlight({ title })` and
 * nothing else: Starlight then lists every page in the sidebar of every page,
 * so its output grows with the square of the page count (about 180 KB of HTML
 * per page at 1,000 features). `'handbook'` lists only the handbook pages, as
 * our site does (src/sites/internal/sidebar.ts), for a like-for-like
 * comparison that stays linear at 10,000.
 */
export function writeBareStarlight(dir: string, pages: readonly BarePage[], sidebar: 'default' | 'handbook' = 'default'): BareProject {
  const handbookSidebar = [
    { label: 'Home', link: '/' },
    ...pages.filter((page) => !page.file.startsWith('features/') && page.file !== 'index.mdx').map((page) => page.file.replace(/\.mdx$/, '')),
  ];
  const options = sidebar === 'default' ? `{ title: 'Bare Starlight' }` : `{ title: 'Bare Starlight', sidebar: ${JSON.stringify(handbookSidebar)} }`;
  return writeProject(
    dir,
    {
      'package.json': packageJson('bench-bare-starlight', ['astro', '@astrojs/starlight']),
      'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  cacheDir: './.cache',
  // Starlight imports js-yaml 4's default export; the hoisted js-yaml is 5. Same workaround as the internal site.
  vite: { resolve: { noExternal: ['js-yaml'] } },
  integrations: [starlight(${options})],
});
`,
      'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    },
    pages,
    'src/content/docs',
  );
}

/** Replaces `dir` with a bare Astro + MDX project holding `pages`, one plain HTML page each. */
export function writeBareAstro(dir: string, pages: readonly BarePage[]): BareProject {
  return writeProject(
    dir,
    {
      'package.json': packageJson('bench-bare-astro', ['astro', '@astrojs/mdx']),
      'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ cacheDir: './.cache', integrations: [mdx()] });
`,
      'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './src/content/pages' }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
};
`,
      'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const pages = await getCollection('pages');
  return pages.map((entry) => ({ params: { slug: entry.id === 'index' ? undefined : entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title><meta name="description" content={entry.data.description} /></head>
  <body><main><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`,
    },
    pages,
    'src/content/pages',
  );
}
