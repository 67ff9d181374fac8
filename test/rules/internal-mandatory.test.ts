import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const dates = theme('dates');

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
