// What every entry point in scripts/ does: run its command with the process's
// arguments and streams, and set the exit code. Plain JavaScript (.mjs), like
// the entry points: a .ts entry is type-stripped before the compile cache is
// on, which loads Node's TypeScript transformer on every run (about 70 ms of
// a `validate`).
import { readdirSync, rmSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `build`'s compile cache: a folder of its own, emptied when it holds more
 * than this many entries (about three cold builds of 10,000 features).
 * Astro loads a freshly built module per feature page; a build of the same
 * content names them the same and reads them back from the cache, but every
 * changed content root adds its own, and unbounded that filled the system's
 * temp folder (900 MB after a day of benchmarks).
 */
const BUILD_CACHE_ENTRIES = 60_000;
const buildCacheDir = fileURLToPath(new URL('../node_modules/.cache/shiplog-compile/', import.meta.url));

function boundedBuildCache() {
  let entries = 0;
  try {
    // Node keeps one folder per Node version and build, entries inside.
    for (const version of readdirSync(buildCacheDir)) entries += readdirSync(path.join(buildCacheDir, version)).length;
  } catch {
    return buildCacheDir; // not made yet
  }
  if (entries > BUILD_CACHE_ENTRIES) rmSync(buildCacheDir, { recursive: true, force: true });
  return buildCacheDir;
}

/**
 * `loadCommand` imports the command's module; it runs after the compile cache
 * is on, so that reusing the modules' compiled, type-stripped code between
 * runs saves a good part of a quick command's time. `compileCache: 'build'`
 * is the bounded cache above (about 0.5 s of a 1,000-feature build's
 * module compiling); outside CI only, as `astro build` does, since a CI
 * machine never reads it back. `dev` goes without: Vite loads its modules.
 */
export async function runEntry(name, loadCommand, { compileCache = true, stopOnInterrupt = false } = {}) {
  if (compileCache === 'build') {
    if (!process.env.CI) enableCompileCache(boundedBuildCache());
  } else if (compileCache) {
    enableCompileCache();
  }
  const command = await loadCommand();
  const { runCommand } = await import('../src/cli/options.ts');
  const { processIo } = await import('../src/cli/process-io.ts');
  process.exitCode = await runCommand(name, command, process.argv.slice(2), processIo({ stopOnInterrupt }));
}
