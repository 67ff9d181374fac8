/**
 * The lock the site tests take around an Astro build of this repository
 * (test/e2e/helpers/build-site.ts, test/public/helpers.ts): builds of the
 * repository share `<repo>/.astro/`, so a bench build must not overlap a
 * test's build. Same directory, same protocol: mkdir is atomic, the
 * directory holds its owner's pid, and a dead owner's lock is taken over.
 * Holding it also keeps a test's build from running beside a measured one.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './generate.ts';

const lockDir = path.join(repoRoot, 'node_modules/.cache/shiplog-astro-build.lock');

function lockIsStale(): boolean {
  try {
    process.kill(Number(readFileSync(path.join(lockDir, 'pid'), 'utf8')), 0);
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
      if (Date.now() - started > 15 * 60_000) throw new Error(`timed out after 15 minutes waiting for ${lockDir} (a test's site build holds it)`);
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
