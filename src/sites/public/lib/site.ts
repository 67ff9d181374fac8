import type { CalendarDate } from '../../../engine/dates.ts';
import type { PublicChangelogEntry } from '../../../views/public.ts';
import { absoluteUrl, siteHref } from '../../../views/public-paths.ts';
import { changelogCategories } from '../../../engine/schemas/feature.ts';
import { publicSiteUrl } from './data.ts';

export { publicPaths } from '../../../views/public-paths.ts';

/** The product the changelog is about, as customers know it. */
export const siteName = 'Acme Helpdesk';

export type Category = PublicChangelogEntry['category'];
export const categories: readonly Category[] = changelogCategories;
export const categoryLabels: Record<Category, string> = { new: 'New', improved: 'Improved', fixed: 'Fixed' };

/** A site path as a link on this site (under the base path of the site URL). */
export function href(sitePath: string): string {
  return siteHref(publicSiteUrl(), sitePath);
}

/** A site path as an absolute URL, for canonical links and feeds. */
export function absolute(sitePath: string): string {
  return absoluteUrl(publicSiteUrl(), sitePath);
}

/** "2 November 2026". */
export function longDate(date: CalendarDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export interface MonthGroup {
  /** "2026-11", used as the section's anchor. */
  key: string;
  label: string;
  entries: PublicChangelogEntry[];
}

/** Entries (already newest first) grouped by the month they became public. */
export function groupByMonth(entries: readonly PublicChangelogEntry[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const entry of entries) {
    const key = entry.date.slice(0, 7);
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      const label = new Date(`${key}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      group = { key, label, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}
