import { z } from 'zod';
import { isCalendarDate, isWellFormedDate } from '../dates.ts';
import { YamlDate } from '../yaml-reader.ts';

/**
 * A `YYYY-MM-DD` date. Written unquoted, it arrives from the loader as a
 * `YamlDate` (yaml-reader.ts) and from Astro's own parser as a `Date`; quoted,
 * as a string. All three are folded to the same string.
 */
export const calendarDate = z.preprocess(
  (value) => (value instanceof YamlDate ? value.text : value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .refine(isWellFormedDate, { error: 'expected a date written YYYY-MM-DD', abort: true })
    .refine(isCalendarDate, { error: 'is not a real calendar date' }),
);

/** Longest id a file name may carry: with the folder and a temporary suffix it still fits a file system's 255-byte names. */
export const MAX_FILE_ID_LENGTH = 100;

/** Whether `id` can be a page's file name (without `.mdx`): an id in the style below, not too long to write beside. */
export function isFileId(id: string): boolean {
  return id.length <= MAX_FILE_ID_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
}

/** Lowercase letters, digits and single dashes: the id style of people, teams, stages, items. */
export const slugId = z
  .string({ error: 'expected an id' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an id of lowercase letters, digits and "-"' });

/** Required text on one line (titles, summaries, descriptions). */
export const oneLine = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .refine((text) => !/[\r\n]/.test(text), { error: 'must fit on one line' });

/**
 * A map of free keys (a feature's checklist). zod's record silently drops a
 * `__proto__` key (it cannot be set on a plain object without changing its
 * prototype), so a page could carry a key no rule ever sees: it is reported
 * here instead, at that key.
 */
export function keyedRecord<V extends z.ZodType>(value: V, what: string) {
  return z.preprocess((input, ctx) => {
    if (input !== null && typeof input === 'object' && !Array.isArray(input) && Object.hasOwn(input, '__proto__')) {
      ctx.addIssue({
        code: 'custom',
        path: ['__proto__'],
        input,
        message: `is not ${what}: "__proto__" is a reserved name`,
        params: { anchor: 'key', hint: `Remove the "__proto__" key, or replace it with ${what} id from process.yaml.` },
      });
    }
    return input;
  }, z.record(z.string(), value));
}
