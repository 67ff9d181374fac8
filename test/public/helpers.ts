import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

export { FIXTURE_TODAY, fixturesDir, repoRoot };

export type BuildResult = BuildRun;

/** Builds one site from a content root, as `npm run build` does (see test/helpers/build.ts). */
export async function buildSite(options: { content: string; out: string; only: 'public' | 'internal'; env?: Record<string, string> }): Promise<BuildResult> {
  return runBuild({ ...options, today: FIXTURE_TODAY });
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export interface ScannedFile {
  file: string;
  /** The bytes as text; gzip files (Pagefind's index, fragments, filters, meta) decompressed first. */
  text: string;
  decompressed: boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** Pagefind prefixes every compressed file's payload with this marker (pagefind's `pagefind_dcd`). */
export const PAGEFIND_MARKER = 'pagefind_dcd';

/**
 * Reads every file of a built site in a form a string search can see into:
 * Pagefind's files are gzip, so they are decompressed; everything else is
 * read as latin1 so binary files (wasm) never throw and ASCII stays ASCII.
 */
export function scanSite(dir: string): ScannedFile[] {
  return listFiles(dir).map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
      return { file, text: gunzipSync(bytes).toString('utf8'), decompressed: true };
    }
    return { file, text: /\.(html|xml|json|txt|css|js|svg)$/.test(file) ? bytes.toString('utf8') : bytes.toString('latin1'), decompressed: false };
  });
}

/** Every canary string written in a fixture's content files, so the leak test cannot silently miss one. */
export function collectCanaries(fixture: string): string[] {
  const found = new Set<string>();
  for (const file of listFiles(fixture)) {
    if (!/\.(ya?ml|mdx?)$/.test(file)) continue;
    // File names are ids (features/canary-development-feature.mdx), so they count too.
    const text = `${file}\n${readFileSync(path.join(fixture, file), 'utf8')}`;
    for (const match of text.matchAll(/CANARY-[A-Z0-9-]*[A-Z0-9]/gi)) found.add(match[0]);
  }
  return [...found].sort();
}
