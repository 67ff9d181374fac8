import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { parseBody, readsAsMarkdown } from '../../src/engine/mdx-body.ts';
import { bodyFormat } from '../../src/engine/source.ts';

/**
 * The sites render an `.mdx` body that `readsAsMarkdown` accepts as
 * Markdown, once into the content store, instead of compiling it to a module
 * (integration/content-loader.ts). That is only right if MDX and Markdown
 * read such a body into the same tree: these tests parse with both.
 */
function trees(body: string) {
  const mdx = parseBody(body, 'mdx');
  const md = parseBody(body, 'md');
  if (!mdx.ok || !md.ok) throw new Error(`${body}: does not parse`);
  return { mdx: mdx.tree, md: md.tree };
}

const plain = [
  '## The problem\n\nAgents lose *drafts* on **slow** networks.\n',
  '- one\n- two\n  - nested by two spaces\n\n1. first\n2) second\n',
  '| Who | When |\n| --- | --- |\n| Gary | 2026-11-02 |\n',
  '```ts\nconst x = 1;\n```\n\n~~~\nplain fence\n~~~\n',
  '> A quote\n> over two lines, with a [link](./other.mdx#anchor).\n',
  ':::note\nAn aside.\n:::\n',
  'Exports of data run weekly; export\ncontinues this line.\n',
  'Smart "quotes" -- and dashes... and a hard  \nbreak.\n',
];

/** Markdown that MDX reads otherwise, or not at all, and that the check sends to the MDX compiler. */
const notPlain = {
  'indented code': 'Text.\n\n    indented code\n',
  'indented code after a tab': 'Text.\n\n\tindented code\n',
  'indented code in a quote': '> Text.\n>\n>     indented code\n',
  'indented code opening a list item': '-     indented code\n',
  'an HTML comment': 'Text <!-- note --> more.\n',
  'an autolink': 'See <https://example.com>.\n',
  'HTML': '<details><summary>More</summary>\n\nText.\n\n</details>\n',
  'an expression': 'Hello {name}.\n',
  'an import': "import X from './x.js';\n\nText.\n",
};

describe('readsAsMarkdown', () => {
  it('accepts Markdown that MDX reads into the same tree', () => {
    for (const body of plain) {
      expect(readsAsMarkdown(body), body).toBe(true);
      const { mdx, md } = trees(body);
      expect(mdx, body).toEqual(md);
    }
  });

  it('refuses what MDX reads differently, and what it reads as code', () => {
    for (const [what, body] of Object.entries(notPlain)) expect(readsAsMarkdown(body), what).toBe(false);
    // The reason for the indentation rule: the two parsers disagree on these.
    for (const what of ['indented code', 'indented code after a tab', 'indented code in a quote', 'indented code opening a list item'] as const) {
      const { mdx, md } = trees(notPlain[what]);
      expect(mdx, what).not.toEqual(md);
    }
  });

  it('holds for every body it accepts in the shipped content and the test fixtures', () => {
    // The bodies as the sites get them: the engine's one load of each root.
    const files = ['content', 'test/fixtures/valid', 'test/fixtures/adoption']
      .map((root) => loadContent(path.resolve(root)).content!)
      .flatMap((content) => [...content.handbook, ...content.features, ...content.docs])
      .map((entry) => entry.file)
      .filter((file) => bodyFormat(file.source) === 'mdx');
    const accepted = files.filter((file) => readsAsMarkdown(file.body?.text ?? ''));
    // Most shipped bodies are plain Markdown: the check is not so strict that nothing passes.
    expect(accepted.length).toBeGreaterThan(files.length / 2);
    for (const file of accepted) {
      const { mdx, md } = trees(file.body?.text ?? '');
      expect(mdx, file.source.path).toEqual(md);
    }
  });
});
