#!/usr/bin/env node
// `npm run build`: validate, then build dist/internal/ and dist/public/ (see the README).
import { runEntry } from './run-entry.mjs';

await runEntry('build', async () => (await import('../src/cli/build.ts')).buildCommand, { compileCache: false });
