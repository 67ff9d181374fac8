import { z } from 'zod';
import { oneLine, slugId } from './common.ts';

/** A self-service article's frontmatter (`content/docs/<id>.mdx`, or `<id>.md`: plain Markdown, which can hold no code). */
export const docSchema = z.strictObject({
  title: oneLine,
  description: oneLine,
  /** The feature this article documents; it is published once that feature is public. */
  feature: slugId.optional(),
  /** Set by the docs writer when the article may be published. */
  ready: z.boolean({ error: 'expected true or false' }),
});

export type Doc = z.output<typeof docSchema>;
