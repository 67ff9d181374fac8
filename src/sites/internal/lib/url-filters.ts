/**
 * Filters that live in the query string, in the browser: the form's selects
 * start from the URL (a stale value, naming an owner or stage that is gone,
 * falls back to "all"), the form's submit button is hidden because every
 * change applies at once, and after each change `show` gets the values and
 * the URL is rewritten so the filtered view is a link to share. Without
 * JavaScript the form submits the same query string and the page shows all.
 */
export function startUrlFilters(
  formSelector: string,
  names: readonly string[],
  show: (values: Record<string, string>) => void,
  onSearch?: (search: string) => void,
): void {
  const form = document.querySelector<HTMLFormElement>(formSelector);
  if (!form) return;
  const selects = names.map((name) => form.elements.namedItem(name) as HTMLSelectElement);
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = params.get(select.name) ?? '';
    select.value = [...select.options].some((option) => option.value === wanted) ? wanted : '';
  }
  form.querySelector<HTMLElement>('[data-apply]')?.setAttribute('hidden', '');

  const apply = () => {
    show(Object.fromEntries(selects.map((select) => [select.name, select.value])));
    const query = new URLSearchParams();
    for (const select of selects) if (select.value) query.set(select.name, select.value);
    const search = query.size ? `?${query}` : '';
    history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
    onSearch?.(search);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  apply();
}
