import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const pub = theme('public');

describe('docs-missing', () => {
  it('passes a public feature with a ready article', () => {
    pub.expectClean('features/docs-missing-pass.mdx');
    pub.expectClean('docs/docs-missing-pass-article.mdx');
  });

  it('passes "docs: none"', () => {
    pub.expectClean('features/docs-missing-pass-none.mdx');
  });

  it('passes a Beta feature whose article is still a draft', () => {
    pub.expectClean('features/docs-missing-pass-beta.mdx');
    pub.expectClean('docs/docs-missing-pass-beta-article.mdx');
  });

  it('reports a public feature with no docs key on the opening --- line', () => {
    pub.expectExactly('features/docs-missing-fail-absent.mdx', [
      { rule: 'docs-missing', line: 1, column: 1, message: ['Public Release', 'self-service article'], hint: ['"docs: <article id>"', '"docs: none"'] },
    ]);
  });

  it('reports a public feature whose article is not ready, on the docs value', () => {
    pub.expectExactly('features/docs-missing-fail-draft.mdx', [
      { rule: 'docs-missing', line: 37, column: 7, message: ['"not-ready-article"', 'not ready'], hint: ['not-ready-article.mdx', '"ready: true"'] },
    ]);
    pub.expectClean('docs/not-ready-article.mdx');
  });
});
