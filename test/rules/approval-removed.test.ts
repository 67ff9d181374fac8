import { describe, it } from 'vitest';
import { pullRequestTheme } from './expect.ts';

const pr = pullRequestTheme();

describe('approval-removed', () => {
  it('passes a new approval added beside the existing ones', () => {
    pr.expectClean('features/approval-removed-pass.mdx');
  });

  it('reports a changed approval on that approval', () => {
    pr.expectExactly('features/approval-removed-fail-changed.mdx', [
      { rule: 'approval-removed', line: 11, column: 5, message: ['gary-mcgrath', 'internal', '2026-10-30', 'changed'], hint: ['person: gary-mcgrath, stage: internal, date: 2026-10-30'] },
    ]);
  });

  it('reports a removed approval on the approvers key', () => {
    pr.expectExactly('features/approval-removed-fail-removed.mdx', [
      { rule: 'approval-removed', line: 10, column: 1, message: ['alicia-carney', 'beta', 'removed'], hint: ['person: alicia-carney, stage: beta, date: 2026-11-10'] },
    ]);
  });
});
