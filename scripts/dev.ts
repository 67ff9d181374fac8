#!/usr/bin/env node
// `npm run dev`: the internal site with live reload (see the README).
import { devCommand } from '../src/cli/dev.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('dev', () => devCommand(process.argv.slice(2)));
