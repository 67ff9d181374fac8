#!/usr/bin/env node
// `npm run rule-table`: print the README's rule tables, rendered from the rule registry.
import { rules } from '../src/engine/rules/index.ts';
import { renderRuleTables } from '../src/engine/rules/table.ts';

process.stdout.write(`${renderRuleTables(rules)}\n`);
