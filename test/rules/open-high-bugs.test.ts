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
