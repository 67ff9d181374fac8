#!/usr/bin/env node
// `npm run changelog`: the public changelog as Markdown release notes (see the README).
import { runEntry } from './run-entry.mjs';

await runEntry('changelog', async () => (await import('../src/cli/changelog.ts')).changelogCommand);
