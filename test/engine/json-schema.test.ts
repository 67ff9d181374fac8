import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/engine/json-schema.ts';
import { loadContent } from '../../src/engine/load.ts';
import { repoRoot } from '../helpers/validate.ts';

describe('generated JSON Schemas', () => {
  const { content } = loadContent(path.join(repoRoot, 'content'));

  it('are current: `npm run schemas` has been run after the last schema change', () => {
    expect(content).toBeDefined();
    for (const [name, schema] of Object.entries(jsonSchemas(content!.process))) {
      const committed = JSON.parse(readFileSync(path.join(repoRoot, 'content', name), 'utf8'));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('describe the process keys, with unknown keys refused', () => {
    const schema = jsonSchemas(content!.process)['process.schema.json'] as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['roles', 'checklist', 'stages', 'soak', 'postLaunch', 'rules']));
    expect(schema.additionalProperties).toBe(false);
  });
});
