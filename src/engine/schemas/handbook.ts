import { z } from 'zod';
import { calendarDate, oneLine, slugId } from './common.ts';

/**
 * A handbook page's frontmatter (`content/handbook/**\/*.{md,mdx}`). `stage` is a
 * plain id here: naming a stage the process does not have is the
 * `handbook-stage` rule's finding, not a schema error. Frontmatter is
 * optional on handbook pages: the loader gives a page without a `title` its
 * first `# ` heading or its file name, and drops the keys process.yaml
 * declares in `handbook.extraKeys` before this schema sees them.
 */
export const handbookSchema = z.strictObject({
  title: oneLine,
  /** Optional: an adopted handbook's pages have none. */
  description: oneLine.optional(),
  stage: slugId.optional(),
  owner: slugId.optional(),
  reviewed: calendarDate.optional(),
  order: z.int({ error: 'expected a whole number' }).optional(),
});

export type HandbookPage = z.output<typeof handbookSchema>;
