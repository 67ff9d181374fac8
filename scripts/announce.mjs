#!/usr/bin/env node
// `npm run announce`: see ../shared/spec/cli.md and the README.
import { runEntry } from './run-entry.mjs';

await runEntry('announce', async () => (await import('../src/cli/announce.ts')).announceCommand);
