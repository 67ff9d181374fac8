import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const pub = theme('public');

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
