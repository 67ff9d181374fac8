import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const approvals = theme('approvals');

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
