import { describe, expect, it } from 'vitest';
import { formatDate, isCalendarDate } from '../../src/engine/dates.ts';
import { theme } from './expect.ts';

const dates = theme('dates');

describe('stage-date-missing', () => {
  it('passes a feature with an entry date for its current stage', () => {
    dates.expectClean('features/stage-date-missing-pass.mdx');
  });

  it('reports a missing current-stage date on its parent key, dates:', () => {
    dates.expectExactly('features/stage-date-missing-fail.mdx', [
      { rule: 'stage-date-missing', line: 7, column: 1, message: ['Internal Release'], hint: ['"internal: 2026-11-21"', 'dates:'] },
    ]);
  });

  it('reports it on the opening --- line when there is no dates key at all', () => {
    dates.expectExactly('features/stage-date-missing-fail-no-dates.mdx', [
      { rule: 'stage-date-missing', line: 1, column: 1, message: ['Development'], hint: ['"development: 2026-11-21"'] },
    ]);
  });
});

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

describe('date-in-future', () => {
  it('passes dates of today, and a target date in the future (a plan, not a record)', () => {
    dates.expectClean('features/date-in-future-pass.mdx');
  });

  it('reports a stage entry date after today, on the value', () => {
    dates.expectExactly('features/date-in-future-fail-stage.mdx', [
      { rule: 'date-in-future', line: 7, column: 16, message: ['2026-12-01', '2026-11-21'], hint: ['real date'] },
    ]);
  });

  it('reports an approval dated after today, even a pre-approval', () => {
    dates.expectExactly('features/date-in-future-fail-approval.mdx', [
      { rule: 'date-in-future', line: 11, column: 11, message: ['gary-mcgrath', 'internal', '2026-11-22'], hint: ['real date'] },
    ]);
  });

  it('reports a checklist item dated after today', () => {
    dates.expectExactly('features/date-in-future-fail-checklist.mdx', [
      { rule: 'date-in-future', line: 9, column: 18, message: ['hallway-tests', '2026-12-24'], hint: ['real date'] },
    ]);
  });

  it('reports a planned date for a later stage alone, not also as stage-date-ahead', () => {
    dates.expectExactly('features/date-in-future-fail-stage-ahead.mdx', [
      { rule: 'date-in-future', line: 8, column: 13, message: ['internal', '2026-12-01'], hint: ['remove the entry until it happens'] },
    ]);
  });

  it('reports a future approval date alone, not also as a late approval', () => {
    dates.expectExactly('features/date-in-future-fail-late-approval.mdx', [
      { rule: 'date-in-future', line: 13, column: 11, message: ['2026-12-30'], hint: ['real date'] },
    ]);
  });
});

describe('internal-mandatory', () => {
  it('passes a public feature that went through Internal Release and skipped Beta', () => {
    dates.expectClean('features/internal-mandatory-pass.mdx');
  });

  it('reports a public feature with no internal date alone: no approval or checklist findings for Internal Release', () => {
    dates.expectExactly('features/internal-mandatory-fail-public.mdx', [
      { rule: 'internal-mandatory', line: 7, column: 1, message: ['Public Release', 'Internal Release'], hint: ['"internal: YYYY-MM-DD"', 'dates:'] },
    ]);
  });

  it('reports a beta feature with no internal date', () => {
    dates.expectExactly('features/internal-mandatory-fail-beta.mdx', [
      { rule: 'internal-mandatory', line: 7, column: 1, message: ['Beta Release'], hint: ['"internal: YYYY-MM-DD"'] },
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

describe('years 0000-0099 are real years', () => {
  const hostile = theme('hostile-values');

  it('accepts 0096-02-29 and 0000-02-29 as dates (leap years), judging them as such', () => {
    for (const file of ['features/date-fail-stale-year-0096.mdx', 'features/date-fail-stale-year-0000.mdx']) {
      hostile.expectExactly(file, [{ rule: 'stale-stage', severity: 'warning', line: 5, column: 8, message: ['in Development for', 'the limit is 90'], hint: ['Agree the next step'] }]);
    }
    expect(hostile.on('features/date-fail-stale-year-0000.mdx')[0]!.message).toContain('740247 days (since 0000-02-29)');
  });

  it('refuses 0029-02-29 (29 is not a leap year)', () => {
    hostile.expectExactly('features/date-fail-year-0029.mdx', [
      { rule: 'frontmatter', line: 7, column: 16, message: ['"dates.development" is not a real calendar date ("0029-02-29")'], hint: ['28 to 31 days'] },
    ]);
  });

  it('isCalendarDate and formatDate keep the year as written', () => {
    expect(['0000-02-29', '0004-02-29', '0096-02-29', '0001-01-01', '2000-02-29'].map(isCalendarDate)).toEqual([true, true, true, true, true]);
    expect(['0029-02-29', '0100-02-29', '1900-02-29', '0050-13-01'].map(isCalendarDate)).toEqual([false, false, false, false]);
    expect(formatDate('0050-02-28')).toBe('28 Feb 0050');
    expect(formatDate('2026-10-01')).toBe('1 Oct 2026');
  });
});
