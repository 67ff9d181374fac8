import { describe, it } from 'vitest';
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
