#!/usr/bin/env node
// `npm run new-feature`: see ../shared/spec/cli.md and the README.
import { runEntry } from './run-entry.mjs';

await runEntry('new-feature', async () => (await import('../src/cli/new-feature.ts')).newFeatureCommand);
