import { z } from 'zod';
import { slugId, oneLine } from './common.ts';
import type { Process } from './process.ts';

/**
 * `content/team.yaml`: people and teams. Role ids come from the process, so
 * the schema is made for a given process. Whether a person's team exists is
 * the `unknown-team` rule's business, not the schema's.
 */
export function teamSchema(process: Process) {
  const roleIds = process.roles.map((r) => r.id) as [string, ...string[]];
  return z.strictObject({
    teams: z.array(z.strictObject({ id: slugId, name: oneLine })).default([]),
    people: z.array(
      z.strictObject({
        id: slugId,
        name: oneLine,
        title: oneLine.optional(),
        team: slugId.optional(),
        roles: z.array(z.enum(roleIds)).default([]),
        github: z
          .string()
          .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'expected a GitHub login' })
          .optional(),
      }),
    ),
  });
}

export type Team = z.output<ReturnType<typeof teamSchema>>;
export type Person = Team['people'][number];
