import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const approvals = theme('approvals');

describe('approval-late', () => {
  it('passes an approval dated on the entry day', () => {
    approvals.expectClean('features/approval-late-pass.mdx');
  });

  it('reports an approval dated after its stage was entered, on the date value', () => {
    approvals.expectExactly('features/approval-late-fail.mdx', [
      { rule: 'approval-late', line: 13, column: 11, message: ['gary-mcgrath', '2026-11-05', '2026-11-02'], hint: ['on or before 2026-11-02', 'dates.internal'] },
    ]);
  });
});
