#!/usr/bin/env node
// `npm run dev`: the internal site with live reload (see the README).
import { runEntry } from './run-entry.mjs';

await runEntry('dev', async () => (await import('../src/cli/dev.ts')).devCommand, { compileCache: false, stopOnInterrupt: true });
