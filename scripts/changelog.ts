#!/usr/bin/env node
// `npm run changelog`: the public changelog as Markdown release notes (see the README).
import { changelogCommand } from '../src/cli/changelog.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('changelog', () => changelogCommand(process.argv.slice(2)));
