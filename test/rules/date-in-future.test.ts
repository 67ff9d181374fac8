import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const dates = theme('dates');

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
