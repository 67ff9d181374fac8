#!/usr/bin/env node
// `npm run schemas`: regenerate content/*.schema.json from the zod schemas.
import { schemasCommand } from '../src/cli/schemas.ts';
import { runCommand } from '../src/cli/options.ts';
import { processIo } from '../src/cli/process-io.ts';

process.exitCode = await runCommand('schemas', schemasCommand, process.argv.slice(2), processIo());
