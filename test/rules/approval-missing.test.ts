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

describe('approval-role', () => {
  it('passes approvals by holders of the stage roles, and does not judge stages that need no approval', () => {
    approvals.expectClean('features/approval-role-pass.mdx');
  });

  it("reports an approver holding none of the stage's roles, on the person value", () => {
    approvals.expectExactly('features/approval-role-fail.mdx', [
      { rule: 'approval-role', line: 21, column: 13, message: ['Marco Rossi', 'Beta Release', 'support, growth'], hint: ['gary-mcgrath (support)', 'james-doman-pipe (growth)', 'alicia-carney (growth)'] },
    ]);
  });

  it('reports the wrong approver alone when they stand in for a missing role: one mistake, one finding', () => {
    approvals.expectExactly('features/approval-role-fail-instead-of-growth.mdx', [
      { rule: 'approval-role', line: 18, column: 13, message: ['Dana Lee'], hint: ['alicia-carney (growth)'] },
    ]);
  });

  it('judges pre-approvals too', () => {
    approvals.expectExactly('features/approval-role-fail-pre-approval.mdx', [
      { rule: 'approval-role', line: 9, column: 13, message: ["Kelly O'Brien", 'Internal Release', '(support)'], hint: ['gary-mcgrath (support)'] },
    ]);
  });
});

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
