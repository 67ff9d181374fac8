import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const pub = theme('public');

describe('open-high-bugs', () => {
  it('passes a public feature whose high-priority bugs are closed', () => {
    pub.expectClean('features/open-high-bugs-pass.mdx');
  });

  it('passes a Beta feature with an open high-priority bug: it must be closed before launch, not before Beta', () => {
    pub.expectClean('features/open-high-bugs-pass-beta.mdx');
  });

  it('reports an open high-priority bug of a public feature, on that bug', () => {
    pub.expectExactly('features/open-high-bugs-fail.mdx', [
      { rule: 'open-high-bugs', line: 41, column: 5, message: ['https://github.com/acme/helpdesk/issues/104'], hint: ['"status: closed"'] },
    ]);
  });
});

describe('open-low-bugs', () => {
  it('passes a public feature whose low-priority bugs are closed', () => {
    pub.expectClean('features/open-low-bugs-pass.mdx');
  });

  it('warns about an open low-priority bug of a public feature', () => {
    pub.expectExactly('features/open-low-bugs-fail.mdx', [
      { rule: 'open-low-bugs', severity: 'warning', line: 38, column: 5, message: ['https://github.com/acme/helpdesk/issues/106'], hint: ['"status: closed"'] },
    ]);
  });
});

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

describe('changelog-missing', () => {
  it('passes a public feature with a changelog entry', () => {
    pub.expectClean('features/changelog-missing-pass.mdx');
  });

  it('passes a Beta feature without one', () => {
    pub.expectClean('features/changelog-missing-pass-beta.mdx');
  });

  it('reports a public feature without one on the opening --- line', () => {
    pub.expectExactly('features/changelog-missing-fail.mdx', [
      { rule: 'changelog-missing', line: 1, column: 1, message: ['Public Release'], hint: ['"changelog:"', 'category: new|improved|fixed', 'text:'] },
    ]);
  });
});
