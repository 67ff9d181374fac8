import { z } from 'zod';
import { slugId, oneLine } from './common.ts';
import type { Process } from './process.ts';

/**
 * `content/team.yaml`: people and teams. Role ids come from the process, so
 * the schema is made for a given process. Whether a person's team exists is
 * the `unknown-team` rule's business, not the schema's.
 *
 * Ids are unique (content contract): with two entries for one id, the later
 * one would silently win, and an impostor entry could satisfy an approval,
 * take over the person's page and receive review requests. The second entry
 * is the error, at its id.
 */
export function teamSchema(process: Process) {
  const roleIds = process.roles.map((r) => r.id) as [string, ...string[]];
  return z
    .strictObject({
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
    })
    .superRefine(
      (team: unknown, ctx) => {
        // Run even when other checks failed, so `team` may be anything the file held (null for an empty file).
        if (team === null || typeof team !== 'object') return;
        const { teams, people } = team as { teams?: unknown; people?: unknown };
        uniqueIds(teams, 'teams', 'team', ctx);
        uniqueIds(people, 'people', 'person', ctx);
      },
      // Also when other entries have errors: every finding at once, not the duplicate after the rest are fixed.
      { when: () => true },
    );
}

/** `entries` is what zod made of the input so far, which may be anything when other issues were found. */
function uniqueIds(entries: unknown, key: string, noun: string, ctx: z.RefinementCtx): void {
  if (!Array.isArray(entries)) return;
  const first = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [key, index, 'id'],
      message: `is a second ${noun} with the id "${id}" (the first is ${key}[${earlier}])`,
      // Read by zod-issues.ts: a duplicate is a finding on the key, with its own fix.
      params: {
        anchor: 'value',
        hint: `Ids are unique: merge the two entries into one, or give this ${noun} its own id. With both, neither can be trusted for approvals or reviews.`,
      },
    });
  });
}

export type Team = z.output<ReturnType<typeof teamSchema>>;
export type Person = Team['people'][number];
