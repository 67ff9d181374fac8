import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const dates = theme('dates');

describe('stage-date-ahead', () => {
  it('passes a feature with dates only up to its stage', () => {
    dates.expectClean('features/stage-date-ahead-pass.mdx');
  });

  it("reports a date for a stage after the current one, and does not judge that stage's approvals as late", () => {
    dates.expectExactly('features/stage-date-ahead-fail.mdx', [
      { rule: 'stage-date-ahead', line: 10, column: 3, message: ['Beta Release', '2026-11-12', 'Internal Release'], hint: ['"stage: beta"', '"dates.beta"'] },
    ]);
  });
});
