#!/usr/bin/env node
// `npm run schemas`: regenerate content/*.schema.json from the zod schemas.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../src/cli/options.ts';
import { jsonSchemas } from '../src/engine/json-schema.ts';
import { loadContent } from '../src/engine/load.ts';

await runCommand('schemas', () => {
  const root = process.argv[2] ?? 'content';
  const { content } = loadContent(root);
  if (!content) throw new Error(`${root}/process.yaml or team.yaml is not valid: run npm run validate`);
  for (const [name, schema] of Object.entries(jsonSchemas(content.process))) {
    const target = path.join(root, name);
    writeFileSync(`${target}.tmp`, `${JSON.stringify(schema, null, 2)}\n`);
    renameSync(`${target}.tmp`, target);
    process.stdout.write(`wrote ${target}\n`);
  }
  return 0;
});
