import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

export { FIXTURE_TODAY, fixturesDir, repoRoot };

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** DIR/<site>/ */
  siteDir: string;
}

/**
 * Runs `npm run build` exactly as a user would, in its own process (Astro's
 * content layer is per process). Astro builds in one checkout share
 * `<root>/.astro/`, so builds take the same lock directory as the internal
 * site's test helper (test/e2e/helpers/build-site.ts) and never overlap.
 */
export async function buildSite(options: { content: string; out: string; only: 'public' | 'internal'; env?: Record<string, string> }): Promise<BuildResult> {
  const args = ['scripts/build.ts', '--content', options.content, '--only', options.only, '--out', options.out, '--today', FIXTURE_TODAY];
  const result = await withBuildLock(() => run(process.execPath, args, { ...process.env, NO_COLOR: '1', SHIPLOG_DEV: '', ...options.env }));
  return { ...result, siteDir: path.join(options.out, options.only) };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const lockDir = path.join(repoRoot, 'node_modules/.cache/shiplog-astro-build.lock');

/** mkdir is atomic: the lock is a directory holding its owner's pid; a dead owner's lock is taken over. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale()) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > 15 * 60_000) throw new Error(`timed out waiting for ${lockDir}`);
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function lockIsStale(): boolean {
  try {
    process.kill(Number(readFileSync(path.join(lockDir, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No pid file yet: the owner is between mkdir and write, unless that was long ago.
    if (code === 'ENOENT') {
      try {
        return Date.now() - statSync(lockDir).mtimeMs > 30_000;
      } catch {
        return false;
      }
    }
    return code === 'ESRCH';
  }
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
