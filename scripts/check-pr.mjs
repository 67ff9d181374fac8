#!/usr/bin/env node
// `npm run check-pr`: see ../shared/spec/cli.md and the README.
import { runEntry } from './run-entry.mjs';

await runEntry('check-pr', async () => (await import('../src/cli/check-pr.ts')).checkPrCommand);
