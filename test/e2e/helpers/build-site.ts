import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SITE_TODAY = '2026-11-21';

/**
 * Builds the internal site the way `npm run build` does (its own process:
 * Astro's content layer is per process) into a fresh folder, and returns
 * the folder with the site in it.
 *
 * Two things make concurrent Astro builds in one checkout collide, so this
 * guards against both: Astro writes `<root>/.astro/` on every build, and
 * puts its prerender chunks in `<root>/.astro/.prerender/` when the output
 * folder is outside the working directory. Builds therefore go into a
 * folder inside the repository and take a lock while they run.
 */
export interface BuiltSite {
  /** DIR/internal/ */
  dir: string;
  stdout: string;
  stderr: string;
  cleanup(): void;
}

const cacheRoot = path.join(repoRoot, 'node_modules/.cache/shiplog-test');
const lockDir = path.join(repoRoot, 'node_modules/.cache/shiplog-astro-build.lock');

export async function buildInternalSite(options: { content?: string; today?: string } = {}): Promise<BuiltSite> {
  mkdirSync(cacheRoot, { recursive: true });
  const out = mkdtempSync(path.join(cacheRoot, 'internal-'));
  const args = ['scripts/build.ts', '--only', 'internal', '--out', out, '--today', options.today ?? SITE_TODAY];
  if (options.content) args.push('--content', options.content);
  const { code, stdout, stderr } = await withBuildLock(() => run(process.execPath, args));
  if (code !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`build failed (exit ${code}):\n${stdout}\n${stderr}`);
  }
  return { dir: path.join(out, 'internal'), stdout, stderr, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...buildEnvironment(), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The environment without what Vitest adds: it sets NODE_ENV=test and mirrors
 * `import.meta.env` into process.env (DEV=1, PROD=, MODE=test...), and Vite
 * reads those, so a build started from a test would be a development build
 * (Starlight's search then shows its dev-mode notice instead of searching).
 */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SHIPLOG_DEV']);

function buildEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.has(key) && !key.startsWith('VITEST')));
}

/** A lock directory (mkdir is atomic) holding the owner's pid; a dead owner's lock is taken over. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
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
    const pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // No pid file yet: the owner is between mkdir and write, unless that was long ago.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        return Date.now() - statSync(lockDir).mtimeMs > 30_000;
      } catch {
        return false;
      }
    }
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
