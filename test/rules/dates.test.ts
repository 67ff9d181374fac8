import { describe, expect, it } from 'vitest';
import { formatDate, isCalendarDate } from '../../src/engine/dates.ts';
import { theme } from './expect.ts';

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
