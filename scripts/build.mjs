#!/usr/bin/env node
// `npm run build`: validate, then build dist/internal/ and dist/public/ (see the README).
import { runEntry } from './run-entry.mjs';

// Rolldown's allocator (mimalloc) otherwise keeps the memory it freed after bundling for the
// rest of the build; returned at once, it is back with the system before Pagefind indexes
// (the site section of `npm run bench` has the row without this). Set before Astro loads it.
process.env.MIMALLOC_PURGE_DELAY ??= '0';
await runEntry('build', async () => (await import('../src/cli/build.ts')).buildCommand, { compileCache: false });
