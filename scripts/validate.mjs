#!/usr/bin/env node
// `npm run validate`: see ../shared/spec/cli.md and the README.
import { runEntry } from './run-entry.mjs';

await runEntry('validate', async () => (await import('../src/cli/validate.ts')).validateCommand);
