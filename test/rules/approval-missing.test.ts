import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const approvals = theme('approvals');

describe('approval-missing', () => {
  it('passes a Beta feature approved by Support for Internal Release and by Support and Growth for Beta', () => {
    approvals.expectClean('features/approval-missing-pass.mdx');
  });

  it('passes pre-approvals: approvals for stages not yet entered', () => {
    approvals.expectClean('features/approval-missing-pass-pre-approvals.mdx');
  });

  it('reports Internal Release entered without Support, on dates.internal when the stage has no approvals', () => {
    approvals.expectExactly('features/approval-missing-fail-internal.mdx', [
      { rule: 'approval-missing', line: 9, column: 3, message: ['Internal Release', '2026-11-02', 'support'], hint: ['gary-mcgrath', 'stage internal', 'on or before 2026-11-02'] },
    ]);
  });

  it("reports Beta entered without Growth on the stage's first approval, naming who can give it", () => {
    approvals.expectExactly('features/approval-missing-fail-beta-growth.mdx', [
      {
        rule: 'approval-missing',
        line: 15,
        column: 5,
        message: ['Beta Release was entered on 2026-10-20 without an approval by a person with role growth.'],
        hint: ['Add an approver with role growth (james-doman-pipe, alicia-carney) for stage beta, dated on or before 2026-10-20.'],
      },
    ]);
  });

  it('reports each missing role once when Public Release has no approvals at all', () => {
    approvals.expectExactly('features/approval-missing-fail-public.mdx', [
      { rule: 'approval-missing', line: 10, column: 3, message: ['role support'], hint: ['gary-mcgrath', 'stage public'] },
      { rule: 'approval-missing', line: 10, column: 3, message: ['role growth'], hint: ['james-doman-pipe, alicia-carney', 'stage public'] },
    ]);
  });
});
