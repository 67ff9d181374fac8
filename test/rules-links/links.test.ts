import { describe, expect, it } from 'vitest';
import { anchorsOf, linkFilesOf, linksOf, resolveLink } from '../../src/engine/links.ts';
import { parseBody } from '../../src/engine/mdx-body.ts';

/** The tree of a body that must compile. */
function treeOf(body: string) {
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.tree;
}

describe('resolveLink', () => {
  const from = 'handbook/how-to/advance.mdx';
  it.each([
    ['https://example.com/x', { kind: 'external' }],
    ['mailto:gary@example.com', { kind: 'external' }],
    ['//cdn.example.com/x', { kind: 'external' }],
    ['', { kind: 'empty' }],
    ['#', { kind: 'empty' }],
    ['#who-to-engage', { kind: 'self', fragment: 'who-to-engage' }],
    ['../team.mdx#gary-mcgrath', { kind: 'page', collection: 'handbook', id: 'team', file: 'handbook/team.mdx', fragment: 'gary-mcgrath' }],
    ['./publish.mdx?x=1', { kind: 'page', collection: 'handbook', id: 'how-to/publish', file: 'handbook/how-to/publish.mdx', fragment: undefined }],
    ['../../features/dark-mode.mdx', { kind: 'page', collection: 'features', id: 'dark-mode', file: 'features/dark-mode.mdx', fragment: undefined }],
    ['../../docs/using%20dark.mdx#caf%C3%A9', { kind: 'page', collection: 'docs', id: 'using dark', file: 'docs/using dark.mdx', fragment: 'café' }],
    // Judged by shape alone (no files given): articles are flat, so a nested path is no article.
    ['../../docs/nested/page.mdx', { kind: 'missing', file: 'docs/nested/page.mdx', page: 'docs' }],
    ['../../process.yaml', { kind: 'missing', file: 'process.yaml', page: undefined }],
    ['../../../README.md', { kind: 'outside-root', file: '../README.md' }],
    ['/features/', { kind: 'generated', section: 'features', fragment: undefined }],
    ['/people/gary-mcgrath', { kind: 'generated', section: 'people', id: 'gary-mcgrath', fragment: undefined }],
    ['/changelog/#2026-11', { kind: 'generated', section: 'changelog', fragment: '2026-11' }],
    ['/changelog/2026/', { kind: 'unknown-site-path', sitePath: '/changelog/2026/' }],
    // From the content root, as GitHub reads a root-absolute link: the folder handbook/team/.
    ['/handbook/team/', { kind: 'missing', file: 'handbook/team/', page: 'handbook' }],
    ['/handbook/team.md#gary', { kind: 'page', collection: 'handbook', id: 'team', file: 'handbook/team.md', fragment: 'gary' }],
    ['../team', { kind: 'page', collection: 'handbook', id: 'team', file: 'handbook/team', fragment: undefined }],
  ])('%s', (url, expected) => {
    expect(resolveLink(url, from)).toEqual(expected);
  });

  it('resolves a page link without "./" relative to the page, as GitHub does', () => {
    expect(resolveLink('publish.mdx', from)).toEqual({ kind: 'page', collection: 'handbook', id: 'how-to/publish', file: 'handbook/how-to/publish.mdx', fragment: undefined });
    expect(resolveLink('image.png', from)).toEqual({ kind: 'asset', file: 'handbook/how-to/image.png' });
  });

  it('looks every target up when given the files: x.md, x, x/ (the folder page), files beside pages, and what is missing', () => {
    const pages = new Map([
      ['handbook/People Ops/Swag.md', { collection: 'handbook' as const, id: 'people-ops/swag', file: 'handbook/People Ops/Swag.md' }],
      ['handbook/People Ops/README.md', { collection: 'handbook' as const, id: 'people-ops/index', file: 'handbook/People Ops/README.md' }],
    ]);
    const files = linkFilesOf({ pageFiles: pages, assets: new Map([['handbook/People Ops/policy.pdf', 'other']]), process: { externalLinks: [] } });
    const at = 'handbook/how-to/advance.md';
    const swag = { kind: 'page', collection: 'handbook', id: 'people-ops/swag', file: 'handbook/People Ops/Swag.md' };
    expect(resolveLink('../People%20Ops/Swag.md#hats', at, files)).toEqual({ ...swag, fragment: 'hats' });
    expect(resolveLink('../People Ops/Swag', at, files)).toEqual({ ...swag, fragment: undefined });
    expect(resolveLink('/handbook/People%20Ops/', at, files)).toEqual({ kind: 'page', collection: 'handbook', id: 'people-ops/index', file: 'handbook/People Ops/README.md', fragment: undefined });
    expect(resolveLink('../People%20Ops/policy.pdf', at, files)).toEqual({ kind: 'asset', file: 'handbook/People Ops/policy.pdf' });
    expect(resolveLink('../People%20Ops/swag.md', at, files)).toEqual({ kind: 'missing', file: 'handbook/People Ops/swag.md', page: 'handbook' });
    expect(resolveLink('../nowhere/', at, files)).toEqual({ kind: 'missing', file: 'handbook/nowhere/', page: 'handbook' });
  });
});

describe('anchorsOf and linksOf', () => {
  it('slugs headings like GitHub and Astro, numbering repeats, and adds explicit ids', () => {
    const tree = treeOf("## Kelly O'Brien\n\n## Notes\n\n## Notes\n\n### The `flag` key ![icon](x.png)\n\n<div id=\"custom\" />\n\n## Notes\n");
    expect([...anchorsOf(tree)]).toEqual(['kelly-obrien', 'notes', 'notes-1', 'the-flag-key-', 'custom', 'notes-2']);
  });

  it('finds inline links, definitions and JSX <a href>, with offsets into the body, but not footnotes', () => {
    const body = 'See [a](./a.mdx) and [b][ref].\n\n<a href="#c">c</a>\n\n[^1]: a footnote\n\n[ref]: ./b.mdx\n';
    const links = linksOf(treeOf(body));
    expect(links.map((l) => l.url)).toEqual(['./a.mdx', '#c', './b.mdx']);
    expect(links.map((l) => body.slice(l.offset, l.offset + 3))).toEqual(['[a]', '<a ', '[re']);
  });

  it('gives the compiler\'s message and position for a body that is not valid MDX', () => {
    expect(parseBody('<div>\n\nunclosed')).toMatchObject({ ok: false, error: { kind: 'syntax' } });
    expect(parseBody('text\n\n{1 +}')).toEqual({
      ok: false,
      error: { kind: 'syntax', offset: 'text\n\n{1 +'.length, message: 'Could not parse expression with oxc: Unexpected token (mdx-jsx:unexpected-character)' },
    });
  });
});
