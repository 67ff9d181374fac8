import { startUrlFilters } from '../../lib/url-filters.ts';

/**
 * The /changes/ filters in the browser: stage entered and team, read from
 * and written to the query string (so a filtered view is a link to share);
 * rows that do not match are hidden. Without JavaScript every change shows.
 */
export function startChangesFilters(): void {
  startUrlFilters('form[data-changes-filters]', ['stage', 'team'], ({ stage, team }) => {
    const items = [...document.querySelectorAll<HTMLElement>('[data-change-item]')];
    let shown = 0;
    for (const item of items) {
      const visible = (!stage || item.dataset.stage === stage) && (!team || item.dataset.team === team);
      item.hidden = !visible;
      if (visible) shown++;
    }
    const status = document.querySelector('[data-filter-status]');
    if (status) status.textContent = shown === items.length ? `${items.length} stage changes` : `${shown} of ${items.length} stage changes shown`;
  });
}
