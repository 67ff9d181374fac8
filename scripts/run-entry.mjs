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
 * hand. A build of content the cache had not seen paid 6 to 9 CPU s at
 * 1,000 features to fill it (two rounds taking turns), and one of content it
 * had seen saved about 1 s on average over five rounds, within the noise.
 */
export async function runEntry(name, loadCommand, { compileCache = true, stopOnInterrupt = false } = {}) {
  if (compileCache) enableCompileCache();
  const command = await loadCommand();
  const { runCommand } = await import('../src/cli/options.ts');
  const { processIo } = await import('../src/cli/process-io.ts');
  process.exitCode = await runCommand(name, command, process.argv.slice(2), processIo({ stopOnInterrupt }));
}
