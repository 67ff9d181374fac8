import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURE_TODAY, repoRoot } from './validate.ts';

/**
 * Runs `npm run build` the way a user does, in its own process (Astro's
 * content layer is per process), for the site tests of both sites.
 *
 * Concurrent Astro builds in one checkout collide: Astro writes
 * `<root>/.astro/` on every build, and puts its prerender chunks in
 * `<root>/.astro/.prerender/` when the output folder is outside the working
 * directory. So every test build takes one lock while it runs.
 */
export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** OUT/<site>/ */
  siteDir: string;
}

export async function runBuild(options: {
  out: string;
  only: 'internal' | 'public';
  content?: string | undefined;
  today?: string | undefined;
  env?: Record<string, string> | undefined;
}): Promise<BuildRun> {
  const args = ['scripts/build.mjs', '--only', options.only, '--out', options.out, '--today', options.today ?? FIXTURE_TODAY];
  if (options.content) args.push('--content', options.content);
  const env = { ...buildEnvironment(), NO_COLOR: '1', ...options.env };
  const result = await withBuildLock(() => run(process.execPath, args, env));
  return { ...result, siteDir: path.join(options.out, options.only) };
}

/**
 * The environment without what Vitest adds: it sets NODE_ENV=test and mirrors
 * `import.meta.env` into process.env (DEV=1, MODE=test...), and Vite reads
 * those, so a build started from a test would otherwise be a development build.
 */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SHIPLOG_DEV']);

function buildEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.has(key) && !key.startsWith('VITEST')));
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

/**
 * mkdir is atomic: the lock is a directory holding its owner's pid; a dead
 * owner's lock is taken over. `npm run bench` takes it too, so a measured
 * build never runs beside a test's build.
 */
export async function withBuildLock<T>(work: () => Promise<T>, onWait?: () => void): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const started = Date.now();
  let told = false;
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
      if (Date.now() - started > 15 * 60_000) throw new Error(`timed out after 15 minutes waiting for ${lockDir}`);
      if (!told) onWait?.();
      told = true;
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
