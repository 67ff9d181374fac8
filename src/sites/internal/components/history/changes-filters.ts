/**
 * The /changes/ filters in the browser: stage entered and team, read from
 * and written to the query string (so a filtered view is a link to share);
 * rows that do not match are hidden. Without JavaScript every change shows.
 */
export function startChangesFilters(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-changes-filters]');
  if (!form) return;
  const selects = ['stage', 'team'].map((name) => form.elements.namedItem(name) as HTMLSelectElement);
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = params.get(select.name) ?? '';
    // A stale link may name a stage or team that is gone: fall back to "all".
    select.value = [...select.options].some((option) => option.value === wanted) ? wanted : '';
  }
  form.querySelector<HTMLElement>('[data-apply]')?.setAttribute('hidden', '');

  const apply = () => {
    const [stage, team] = selects.map((select) => select.value) as [string, string];
    const items = [...document.querySelectorAll<HTMLElement>('[data-change-item]')];
    let shown = 0;
    for (const item of items) {
      const visible = (!stage || item.dataset.stage === stage) && (!team || item.dataset.team === team);
      item.hidden = !visible;
      if (visible) shown++;
    }
    const status = document.querySelector('[data-filter-status]');
    if (status) status.textContent = shown === items.length ? `${items.length} stage changes` : `${shown} of ${items.length} stage changes shown`;
    const query = new URLSearchParams();
    for (const select of selects) if (select.value) query.set(select.name, select.value);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  apply();
}
