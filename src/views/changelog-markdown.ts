import { changelogCategories } from '../engine/schemas/feature.ts';
import { formatDate, type CalendarDate } from '../engine/dates.ts';
import type { PublicChangelogEntry, PublicProjection } from './public.ts';
import { absoluteUrl, publicPaths } from './public-paths.ts';

/**
 * Release notes in Markdown, for self-hosted customers and for pasting into
 * an announcement: `npm run changelog -- --format md`. Built from the public
 * projection only, so it can say nothing the public site would not.
 */

export interface ReleaseNotesOptions {
  /** Only entries that became public on or after this date. */
  since?: CalendarDate | undefined;
  /** Only entries carried by this monthly self-hosted release, e.g. "2026.12". */
  release?: string | undefined;
  /** The public site's URL, for absolute links to entries and articles. */
  siteUrl: string;
}

export const categoryHeadings: Record<PublicChangelogEntry['category'], string> = {
  new: 'New',
  improved: 'Improved',
  fixed: 'Fixed',
};

export function selectEntries(projection: PublicProjection, options: Pick<ReleaseNotesOptions, 'since' | 'release'>): PublicChangelogEntry[] {
  return projection.changelog.filter(
    (entry) => (options.since === undefined || entry.date >= options.since) && (options.release === undefined || entry.release === options.release),
  );
}

export function releaseNotesMarkdown(projection: PublicProjection, options: ReleaseNotesOptions): string {
  const entries = selectEntries(projection, options);
  const scope = [
    options.release !== undefined ? `in release ${options.release}` : '',
    options.since !== undefined ? `since ${formatDate(options.since)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`# What's new${scope ? ` ${scope}` : ''}`, ''];
  if (entries.length === 0) {
    lines.push('No customer-facing changes.', '');
    return lines.join('\n');
  }
  for (const category of changelogCategories) {
    const inCategory = entries.filter((entry) => entry.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${categoryHeadings[category]}`, '');
    for (const entry of inCategory) lines.push(entryItem(entry, options.siteUrl), '');
  }
  return lines.join('\n');
}

function entryItem(entry: PublicChangelogEntry, siteUrl: string): string {
  const title = `**[${escapeLinkText(entry.title)}](${absoluteUrl(siteUrl, publicPaths.entry(entry.id))})**`;
  let text = `${title} (${formatDate(entry.date)}): ${entry.text.trim()}`;
  if (entry.article) {
    text += `\n\nRead more: [${escapeLinkText(entry.article.title)}](${absoluteUrl(siteUrl, publicPaths.article(entry.article.id))})`;
  }
  // Continuation lines are indented so multi-paragraph entry text stays inside its list item.
  return `- ${text.split('\n').map((line, i) => (i === 0 || line === '' ? line : `  ${line}`)).join('\n')}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}
