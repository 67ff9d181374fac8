#!/usr/bin/env node
// `npm run new-feature`: see ../shared/spec/cli.md and the README.
import { newFeatureCommand } from '../src/cli/new-feature.ts';
import { runCommand } from '../src/cli/options.ts';

await runCommand('new-feature', () => newFeatureCommand(process.argv.slice(2)));
