import { z } from 'zod';
import { processSchema, teamSchema, type Process } from './schemas/index.ts';

/**
 * JSON Schemas for editors (YAML language servers read the `$schema`
 * modeline in process.yaml and team.yaml), generated from the zod schemas so
 * they cannot drift. `npm run schemas` writes them; a test checks the
 * committed copies are current.
 */
export function jsonSchemas(process: Process): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  return {
    'process.schema.json': { title: 'Shiplog process.yaml', ...z.toJSONSchema(processSchema, options) },
    'team.schema.json': { title: 'Shiplog team.yaml', ...z.toJSONSchema(teamSchema(process), options) },
  };
}
