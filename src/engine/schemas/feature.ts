import { z } from 'zod';
import { calendarDate, keyedRecord, oneLine, slugId } from './common.ts';
import type { Process } from './process.ts';

export const bugPriorities = ['high', 'low'] as const;
export const changelogCategories = ['new', 'improved', 'fixed'] as const;

/**
 * A feature page's frontmatter (`content/features/<id>.mdx`). Stage names come
 * from the process, so the schema is made for a given process. Objects are
 * strict: a typo such as `aprovers` must fail loudly instead of silently
 * switching a check off.
 */
export function featureSchema(process: Process) {
  const stageIds = process.stages.map((s) => s.id) as [string, ...string[]];
  const stage = z.enum(stageIds);
  const dates = Object.fromEntries(stageIds.map((id) => [id, calendarDate.optional()]));
  return z.strictObject({
    title: oneLine,
    summary: oneLine,
    owner: slugId,
    team: slugId.optional(),
    stage,
    flag: z
      .string({ error: 'expected a feature flag key' })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'expected a flag key of lowercase letters, digits, ".", "_" or "-"' })
      .optional(),
    dates: z.strictObject(dates).default({}),
    target: calendarDate.optional(),
    approvers: z.array(z.strictObject({ person: slugId, stage, date: calendarDate })).default([]),
    checklist: keyedRecord(calendarDate, 'a checklist item').default({}),
    bugs: z
      .array(
        z.strictObject({
          url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
          // With a tracker (process.yaml `tracker:`), the tracker knows these; without one they are the record.
          priority: process.tracker ? z.enum(bugPriorities).optional() : z.enum(bugPriorities),
          status: process.tracker ? z.enum(['open', 'closed']).optional() : z.enum(['open', 'closed']),
          title: oneLine.optional(),
        }),
      )
      .default([]),
    /** The self-service article's id in content/docs, or `none`. */
    docs: slugId.optional(),
    /** The monthly self-hosted release that carries the feature, e.g. "2026.12". */
    release: z
      .string({ error: 'expected a release name in quotes, e.g. "2026.12"' })
      .regex(/^\d{4}\.\d{2}$/, { error: 'expected a release name like "2026.12"' })
      .optional(),
    changelog: z
      .strictObject({
        category: z.enum(changelogCategories),
        text: z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' }),
        /** Markdown for the entry's own page and the feeds (rendered safely: no raw HTML, no scripts). */
        details: z.string({ error: 'expected Markdown text' }).trim().min(1, { error: 'must not be empty' }).optional(),
        /** A picture for the entry: a path relative to this page, inside content/, with its alt text. */
        image: z.strictObject({ src: z.string({ error: 'expected a path to an image file' }).min(1), alt: oneLine }).optional(),
        /** Embargo: the entry is on no public output before this date, even when the feature is public. */
        publish: calendarDate.optional(),
      })
      .optional(),
    /** On the public /roadmap/ while in Internal or Beta Release (only when process.yaml sets publicRoadmap: true). */
    roadmap: z.boolean({ error: 'expected true or false' }).optional(),
  });
}

export type Feature = z.output<ReturnType<typeof featureSchema>>;
export type Approval = Feature['approvers'][number];
export type Bug = Feature['bugs'][number];
export type ChangelogEntry = NonNullable<Feature['changelog']>;
