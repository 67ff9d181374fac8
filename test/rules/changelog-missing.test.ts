import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const pub = theme('public');

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
