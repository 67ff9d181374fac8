/**
 * The addresses the two sites give content, and the ones they generate from
 * data, in one place: the sites build their links from these, and the
 * `route-collision` rule keeps a page from taking an address that is already
 * someone else's.
 */

/** A handbook page's path on the internal site: `stages/internal` -> `/stages/internal/`, `x/index` -> `/x/`. */
export function handbookRoute(id: string): string {
  if (id === 'index') return '/';
  return `/${id.replace(/\/index$/, '')}/`;
}

/**
 * First path segments of the internal site that are generated, not handbook
 * pages: a handbook page there would be hidden by them (or hide them).
 * `insights` and `changes` are reserved for the pages of the same names.
 */
export const INTERNAL_GENERATED_SECTIONS: ReadonlyMap<string, string> = new Map([
  ['features', 'the feature board and feature pages'],
  ['people', "people's queues"],
  ['docs', 'the article previews'],
  ['changelog-preview', 'the upcoming-changelog page'],
  ['insights', 'the insights page'],
  ['changes', 'the stage-change log'],
  ['pagefind', 'the search index'],
  ['404', 'the not-found page'],
]);

/**
 * Feature ids the sites cannot give a page: `/features/table/` is the board's
 * table view, and a public feature's entry lives at `/changelog/<id>/`, beside
 * `/changelog/category/` and `/changelog/releases/`.
 */
export const RESERVED_FEATURE_IDS: ReadonlyMap<string, string> = new Map([
  ['table', '/features/table/, the board as a table'],
  ['category', '/changelog/category/, the changelog by category'],
  ['releases', '/changelog/releases/, the monthly releases'],
]);
