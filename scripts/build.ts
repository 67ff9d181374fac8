#!/usr/bin/env node
// `npm run build`: validate, then build dist/internal/ and dist/public/ (see the README).
import { buildCommand } from '../src/cli/build.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('build', () => buildCommand(process.argv.slice(2)));
