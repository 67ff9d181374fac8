import { startUrlFilters } from './url-filters.ts';

/**
 * The board's filters in the browser: reads team, owner and sort from the
 * query string, hides and orders the cards (or table rows) that carry
 * `data-feature-item`, and keeps the URL in step so the view can be shared.
 */
const SORTS: Record<string, (a: HTMLElement, b: HTMLElement) => number> = {
  '': (a, b) => num(b, 'days') - num(a, 'days') || text(a).localeCompare(text(b)),
  recent: (a, b) => num(a, 'days') - num(b, 'days') || text(a).localeCompare(text(b)),
  title: (a, b) => text(a).localeCompare(text(b)),
};

function num(el: HTMLElement, key: string): number {
  return Number(el.dataset[key] ?? 0);
}

function text(el: HTMLElement): string {
  return el.dataset.title ?? '';
}

export function startBoardFilters(): void {
  startUrlFilters(
    'form[data-board-filters]',
    ['team', 'owner', 'sort'],
    ({ team, owner, sort }) => {
      const items = [...document.querySelectorAll<HTMLElement>('[data-feature-item]')];
      let shown = 0;
      for (const item of items) {
        const visible = (!team || item.dataset.team === team) && (!owner || item.dataset.owner === owner);
        item.hidden = !visible;
        if (visible) shown++;
      }
      for (const list of document.querySelectorAll<HTMLElement>('[data-sortable]')) {
        const children = [...list.querySelectorAll<HTMLElement>(':scope > [data-feature-item]')];
        children.sort(SORTS[sort ?? ''] ?? SORTS['']!).forEach((child) => list.append(child));
      }
      for (const column of document.querySelectorAll<HTMLElement>('[data-column]')) {
        const visible = column.querySelectorAll('[data-feature-item]:not([hidden])').length;
        const count = column.querySelector('[data-column-count]');
        if (count) count.textContent = String(visible);
        column.querySelector<HTMLElement>('[data-column-empty]')?.toggleAttribute('hidden', visible > 0);
      }
      const status = document.querySelector('[data-filter-status]');
      if (status) status.textContent = shown === items.length ? `${items.length} features` : `${shown} of ${items.length} features shown`;
    },
    // The board and its table view keep the same filters when you switch between them.
    (search) => {
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-view-link]')) link.search = search;
    },
  );
}
