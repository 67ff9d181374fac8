import { describe, expect, it } from 'vitest';
import { theme } from './expect.ts';

/** `route-collision`: a page that would take a generated address, or share one, is an error naming the address. */
const routes = theme('route-collision');

describe('route-collision', () => {
  it('passes ids and paths that only resemble generated routes', () => {
    routes.expectClean('features/route-collision-pass-tables.mdx');
    routes.expectClean('handbook/featured.mdx');
  });

  it.each([
    ['table', '/features/table/'],
    ['category', '/changelog/category/'],
    ['releases', '/changelog/releases/'],
  ])('reports the feature id %s, which would take %s', (id, route) => {
    routes.expectExactly(`features/${id}.mdx`, [{ rule: 'route-collision', line: 1, column: 1, message: [`"${id}" would take ${route}`], hint: [`${id}-improvements.mdx`] }]);
  });

  it.each([
    ['features', '/features/'],
    ['people/gary', '/people/gary/'],
    ['changelog-preview', '/changelog-preview/'],
  ])('reports the handbook page %s, which would be published at the generated %s', (page, route) => {
    routes.expectExactly(`handbook/${page}.mdx`, [{ rule: 'route-collision', line: 1, column: 1, message: [`would be published at ${route}, where the site has`], hint: ['may not start with'] }]);
  });

  it('reports both of two handbook pages with one address, each naming the other', () => {
    routes.expectExactly('handbook/guide.mdx', [{ rule: 'route-collision', line: 1, message: ['and handbook/guide/index.mdx would both be published at /guide/'], hint: ['x/index.mdx'] }]);
    routes.expectExactly('handbook/guide/index.mdx', [{ rule: 'route-collision', line: 1, message: ['and handbook/guide.mdx would both be published at /guide/'], hint: ['x/index.mdx'] }]);
  });

  it('reports nothing else in the fixture', () => {
    expect(routes.result.diagnostics.filter((d) => d.rule !== 'route-collision')).toEqual([]);
  });
});
