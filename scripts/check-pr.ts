#!/usr/bin/env node
// `npm run check-pr`: see ../shared/spec/cli.md and the README.
import { checkPrCommand } from '../src/cli/check-pr.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('check-pr', () => checkPrCommand(process.argv.slice(2)));
