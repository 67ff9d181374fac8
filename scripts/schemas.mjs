#!/usr/bin/env node
// `npm run schemas`: regenerate content/*.schema.json from the zod schemas.
import { runEntry } from './run-entry.mjs';

await runEntry('schemas', async () => (await import('../src/cli/schemas.ts')).schemasCommand);
