#!/usr/bin/env node
// `npm run validate`: see ../shared/spec/cli.md and the README.
import { validateCommand } from '../src/cli/validate.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('validate', () => validateCommand(process.argv.slice(2)));
