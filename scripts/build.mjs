#!/usr/bin/env node
// `npm run build`: validate, then build dist/internal/ and dist/public/ (see the README).
// No compile cache here, unlike the quick commands: Astro loads thousands of freshly built
// modules (a page's chunk per feature), and caching them wrote tens of thousands of entries
// that no later build reads (900 MB in the system's temp folder after a day of benchmarks).
// Rolldown's allocator (mimalloc) otherwise keeps the memory it freed after bundling for the
// rest of the build: returning it at once lowers the peak that Pagefind's indexing adds to
// (the site section of `npm run bench` has the row without it). Set before Astro loads it.
process.env.MIMALLOC_PURGE_DELAY ??= '0';
const { buildCommand } = await import('../src/cli/build.ts');
const { runCommand } = await import('../src/cli/options.ts');
const { processIo } = await import('../src/cli/process-io.ts');

process.exitCode = await runCommand('build', buildCommand, process.argv.slice(2), processIo());
