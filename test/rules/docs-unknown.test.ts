import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const pub = theme('public');

describe('docs-unknown', () => {
  it('passes a feature and an article that name each other', () => {
    pub.expectClean('features/docs-unknown-pass.mdx');
    pub.expectClean('docs/docs-unknown-pass-article.mdx');
  });

  it('reports a feature naming an article that does not exist, before Public Release too', () => {
    pub.expectExactly('features/docs-unknown-fail.mdx', [
      { rule: 'docs-unknown', line: 36, column: 7, message: ['"docs-unknown-pass-artcle"'], hint: ['Did you mean "docs-unknown-pass-article"?', '"none"'] },
    ]);
  });

  it('reports an unknown article of a public feature alone, not also as docs-missing', () => {
    pub.expectExactly('features/docs-unknown-fail-public.mdx', [
      { rule: 'docs-unknown', line: 37, column: 7, message: ['"no-such-article"'], hint: ['content/docs', '"none"'] },
    ]);
  });

  it('reports an article whose feature is unknown, on the article', () => {
    pub.expectExactly('docs/docs-unknown-fail-page.mdx', [
      { rule: 'docs-unknown', line: 4, column: 10, message: ['"docs-unknown-pas"'], hint: ['Did you mean "docs-unknown-pass"?', 'remove "feature"'] },
    ]);
  });

  it('passes an article that documents no feature', () => {
    pub.expectClean('docs/getting-started.mdx');
  });
});
