import { describe, expect, it } from 'vitest';
import { theme } from './expect.ts';

const dates = theme('dates');

describe('stage-date-order', () => {
  it('passes dates in stage order', () => {
    dates.expectClean('features/stage-date-order-pass.mdx');
  });

  it('reports a date earlier than the stage before it, once, and not also as short soak time', () => {
    dates.expectExactly('features/stage-date-order-fail.mdx', [
      { rule: 'stage-date-order', line: 10, column: 3, message: ['2026-10-05', 'Internal Release (2026-10-10)'], hint: ['beta', 'on or after 2026-10-10'] },
    ]);
  });
});

describe('one mistake, one finding: two swapped stage dates', () => {
  const swap = theme('date-swap');

  it('reports stage-date-order alone, and no approval-late on the approvals that are late only against the swapped date', () => {
    swap.expectExactly('features/stage-date-order-fail-swap.mdx', [
      { rule: 'stage-date-order', line: 10, column: 3, message: ['Beta Release was entered on 2026-10-14, before Internal Release (2026-11-01).'], hint: ['so that beta is on or after 2026-11-01'] },
    ]);
  });

  it('still reports approval-late when the dates are in order', () => {
    swap.expectExactly('features/approval-late-fail-in-order.mdx', [
      { rule: 'approval-late', line: 17, column: 11, message: ['gary-mcgrath approved Beta Release on 2026-10-29, after it was entered on 2026-10-28.'], hint: ['correct dates.beta'] },
      { rule: 'approval-late', line: 20, column: 11, message: ['alicia-carney approved Beta Release on 2026-10-30'], hint: ['correct dates.beta'] },
    ]);
  });

  it('is clean with the dates put right', () => {
    swap.expectClean('features/date-swap-pass.mdx');
  });

  it('reports no stale-stage judged from the swapped date, months later', () => {
    const later = theme('date-swap', { today: '2027-01-15' });
    // Beta "entered" 2026-10-14 is 93 days before that: past Beta's 60-day limit, were the date to be believed.
    expect(later.on('features/stage-date-order-fail-swap.mdx').map((d) => d.rule)).toEqual(['stage-date-order']);
    expect(later.on('features/date-swap-pass.mdx').map((d) => d.rule)).toContain('stale-stage');
  });
});
