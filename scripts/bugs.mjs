#!/usr/bin/env node
// `npm run bugs`: see ../shared/spec/cli.md and the README.
import { runEntry } from './run-entry.mjs';

await runEntry('bugs', async () => (await import('../src/cli/bugs.ts')).bugsCommand);
