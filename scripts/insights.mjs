#!/usr/bin/env node
// `npm run insights`: the release-process numbers of /insights/ (see ../shared/spec/cli.md and the README).
import { runEntry } from './run-entry.mjs';

await runEntry('insights', async () => (await import('../src/cli/insights.ts')).insightsCommand);
