import type { PublicChangelogEntry } from '../../../views/public.ts';
import { categories, categoryLabels, type Category } from './site.ts';

/** "2026.11" → "November 2026": releases are named after the month they ship. */
export function releaseMonth(release: string): string {
  const [year, month] = release.split('.');
  return new Date(`${year}-${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2 new, 1 improved". */
export function countByCategory(entries: readonly PublicChangelogEntry[]): string {
  return categories
    .map((category) => [category, entries.filter((entry) => entry.category === category).length] as const)
    .filter(([, count]) => count > 0)
    .map(([category, count]) => `${count} ${categoryLabels[category].toLowerCase()}`)
    .join(', ');
}

export function byCategory(entries: readonly PublicChangelogEntry[]): { category: Category; entries: PublicChangelogEntry[] }[] {
  return categories
    .map((category) => ({ category, entries: entries.filter((entry) => entry.category === category) }))
    .filter((group) => group.entries.length > 0);
}
