import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const warnings = theme('warnings');

describe('soak-short', () => {
  it('passes exactly the soak days (7) between Internal Release and Beta', () => {
    warnings.expectClean('features/soak-short-pass.mdx');
  });

  it('warns on the next stage date when it comes fewer than 7 days after Internal Release', () => {
    warnings.expectExactly('features/soak-short-fail.mdx', [
      { rule: 'soak-short', severity: 'warning', line: 10, column: 3, message: ['Beta Release', '6 days', 'at least 7 days'], hint: ['7 days', 'Internal Release'] },
    ]);
  });

  it('judges whichever stage comes next, here Public Release after skipping Beta', () => {
    warnings.expectExactly('features/soak-short-fail-public.mdx', [
      { rule: 'soak-short', severity: 'warning', line: 10, column: 3, message: ['Public Release', '1 day after'], hint: ['before Public Release'] },
    ]);
  });
});
