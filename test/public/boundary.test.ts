import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, repoRoot } from './helpers.ts';

/**
 * The public site reads the content only through the public projection.
 * This pins that down in the source: what the public site's files may
 * import, so a page cannot reach the loader, the content model or the
 * internal site's data by an innocent-looking import.
 */

const publicDir = path.join(repoRoot, 'src/sites/public');
const files = [
  ...listFiles(publicDir)
    .filter((file) => /\.(ts|mjs|astro)$/.test(file))
    .map((file) => path.join(publicDir, file)),
  path.join(repoRoot, 'astro.public.config.mjs'),
];

/** Modules of the repository the public site may import, relative to the repository root. */
const allowedModules = new Set([
  'src/views/public.ts',
  'src/views/public-paths.ts',
  'src/views/changelog-text.ts',
  'src/engine/dates.ts',
  'src/engine/schemas/feature.ts',
  'src/engine/schemas/doc.ts',
  'src/sites/shared/links.ts',
  'src/sites/integration/index.ts',
  'src/sites/integration/settings.ts',
]);
/**
 * Only the data module reads the build's load of the content, and it returns
 * the projection and the published articles alone; the content collection's
 * loader gets its entries from it.
 */
const doors = new Set([
  'src/sites/public/lib/data.ts -> src/sites/integration/site-load.ts',
  'src/sites/public/lib/data.ts -> src/sites/integration/content-loader.ts',
  'src/sites/public/content.config.ts -> src/sites/integration/content-loader.ts',
]);
// astro:assets resizes entry pictures; zod types the picture collection's data.
const allowedPackages = /^(astro|astro:content|astro:assets|astro\/loaders|astro\/config|@astrojs\/(mdx|sitemap|markdown-satteri)|feed|pagefind|satteri|zod|node:[a-z]+)$/;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => (match[1] ?? match[2] ?? match[3])!,
  );
}

describe('the public site source', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(importsOf(path.join(publicDir, 'lib/data.ts'))).toContain('../../integration/site-load.ts');
  });

  it('imports nothing that can reach internal data', () => {
    const problems: string[] = [];
    for (const file of files) {
      const importer = path.relative(repoRoot, file).split(path.sep).join('/');
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) {
          if (!allowedPackages.test(specifier)) problems.push(`${importer}: package ${specifier}`);
          continue;
        }
        const target = path.relative(repoRoot, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
        if (target.startsWith('src/sites/public/')) continue;
        if (target.endsWith('.css')) continue;
        if (allowedModules.has(target)) continue;
        if (doors.has(`${importer} -> ${target}`)) continue;
        problems.push(`${importer}: ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads no collection but the published articles and the published entries\' pictures', () => {
    const calls = files.flatMap((file) =>
      // `as never`: the generated collection types are the internal site's (lib/entry-images.ts).
      [...readFileSync(file, 'utf8').matchAll(/get(?:Collection|Entry|Entries)\(\s*([^),]*)/g)].map((m) => m[1]!.replace(/\s+as never$/, '').trim()),
    );
    expect(calls).toContain("'articles'");
    expect(calls).toContain("'entryImages'");
    expect(calls.filter((collection) => collection !== "'articles'" && collection !== "'entryImages'")).toEqual([]);
  });
});
