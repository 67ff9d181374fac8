#!/usr/bin/env node
// `npm run advance`: see ../shared/spec/cli.md and the README.
import { advanceCommand } from '../src/cli/advance.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('advance', () => advanceCommand(process.argv.slice(2)));
