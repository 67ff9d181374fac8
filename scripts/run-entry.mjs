// What every entry point in scripts/ does: run its command with the process's
// arguments and streams, and set the exit code. Plain JavaScript (.mjs), like
// the entry points: a .ts entry is type-stripped before the compile cache is
// on, which loads Node's TypeScript transformer on every run (about 70 ms of
// a `validate`).
import { enableCompileCache } from 'node:module';

/**
 * `loadCommand` imports the command's module; it runs after the compile cache
 * is on, so that reusing the modules' compiled, type-stripped code between
 * runs saves a good part of a quick command's time. `build` and `dev` go
 * without: their work is in modules Astro and Vite make for the content at
 * hand, and a build of content the cache has not seen paid 6 to 9 CPU s at
 * 1,000 features to fill it, while a build of content it had seen gained
 * nothing measurable (two rounds of no cache, an empty one and a full one,
 * taking turns).
 */
export async function runEntry(name, loadCommand, { compileCache = true, stopOnInterrupt = false } = {}) {
  if (compileCache) enableCompileCache();
  const command = await loadCommand();
  const { runCommand } = await import('../src/cli/options.ts');
  const { processIo } = await import('../src/cli/process-io.ts');
  process.exitCode = await runCommand(name, command, process.argv.slice(2), processIo({ stopOnInterrupt }));
}
