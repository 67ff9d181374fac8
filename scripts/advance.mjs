#!/usr/bin/env node
// `npm run advance`: see ../shared/spec/cli.md and the README.
import { runEntry } from './run-entry.mjs';

await runEntry('advance', async () => (await import('../src/cli/advance.ts')).advanceCommand);
