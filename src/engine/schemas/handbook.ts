import { z } from 'zod';
import { calendarDate, oneLine, slugId } from './common.ts';

/**
 * A handbook page's frontmatter (`content/handbook/**\/*.mdx`). `stage` is a
 * plain id here: naming a stage the process does not have is the
 * `handbook-stage` rule's finding, not a schema error.
 */
export const handbookSchema = z.strictObject({
  title: oneLine,
  description: oneLine,
  stage: slugId.optional(),
  owner: slugId.optional(),
  reviewed: calendarDate.optional(),
  order: z.int({ error: 'expected a whole number' }).optional(),
});

export type HandbookPage = z.output<typeof handbookSchema>;
