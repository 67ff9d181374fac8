import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const people = theme('people');

describe('unknown-person', () => {
  it('passes a feature whose owner and approvers (including a pre-approval) are all in team.yaml', () => {
    people.expectClean('features/unknown-person-pass.mdx');
  });

  it('reports a misspelt owner on the owner value, suggesting the nearest id, and no owner-role', () => {
    people.expectExactly('features/unknown-person-fail-owner.mdx', [
      { rule: 'unknown-person', line: 4, column: 8, message: ['"dana-le"'], hint: ['Did you mean "dana-lee"?', 'team.yaml'] },
    ]);
  });

  it('reports an unknown approver alone: no approval-role, and no approval-missing for the stage', () => {
    people.expectExactly('features/unknown-person-fail-approver.mdx', [
      { rule: 'unknown-person', line: 12, column: 13, message: ['approver', '"gary-mcgrat"'], hint: ['Did you mean "gary-mcgrath"?'] },
    ]);
  });

  it("reports a handbook page's unknown owner", () => {
    people.expectExactly('handbook/unknown-person-fail-page-owner.mdx', [
      { rule: 'unknown-person', line: 4, column: 8, message: ['page owner'], hint: ['Did you mean "kelly-obrien"?'] },
    ]);
  });
});
