import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemas } from '../engine/json-schema.ts';
import { loadContent } from '../engine/load.ts';
import type { CommandIo } from './io.ts';
import { contentRootOf } from './options.ts';

/** `npm run schemas [ROOT]`: regenerates ROOT/*.schema.json (ROOT defaults to content) from the zod schemas. */
export async function schemasCommand(args: string[], io: CommandIo): Promise<number> {
  const root = args[0] ?? 'content';
  const { content } = loadContent(contentRootOf(io, root), { cwd: io.cwd });
  if (!content) throw new Error(`${root}/process.yaml or team.yaml is not valid: run npm run validate`);
  for (const [name, schema] of Object.entries(jsonSchemas(content.process))) {
    const target = path.join(root, name);
    const absolute = path.resolve(io.cwd, target);
    writeFileSync(`${absolute}.tmp`, `${JSON.stringify(schema, null, 2)}\n`);
    renameSync(`${absolute}.tmp`, absolute);
    io.stdout.write(`wrote ${target}\n`);
  }
  return 0;
}
