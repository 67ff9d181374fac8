import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import type { BaseSnapshot } from '../../src/engine/rule.ts';
import { fixturesDir, validateFixture } from '../helpers/validate.ts';
import { theme } from './expect.ts';

// rules/pull-request/base is the branch a pull request targets; head is the
// pull request. check-pr builds the same snapshot from git.
const baseLoad = loadContent(path.join(fixturesDir, 'rules/pull-request/base'));
const base: BaseSnapshot = { ref: 'main', features: new Map(baseLoad.content!.features.map((f) => [f.id, f.data])) };
const pr = theme('pull-request/head', { base });

describe('the pull-request fixtures', () => {
  it('are valid on both sides when judged without a base', () => {
    expect(validateFixture('rules/pull-request/base').diagnostics).toEqual([]);
    expect(validateFixture('rules/pull-request/head').diagnostics).toEqual([]);
  });

  it('leave a feature the pull request creates alone', () => {
    pr.expectClean('features/new-feature-pass.mdx');
  });
});

describe('history-rewrite', () => {
  it('passes a feature whose dates did not change', () => {
    pr.expectClean('features/history-rewrite-pass.mdx');
  });

  it('reports a changed entry date on its value, with the base date to restore', () => {
    pr.expectExactly('features/history-rewrite-fail-changed.mdx', [
      { rule: 'history-rewrite', line: 9, column: 13, message: ['2026-11-01', 'main', '2026-11-03'], hint: ['Restore "internal: 2026-11-01"'] },
    ]);
  });

  it('reports a removed entry date on its parent key', () => {
    pr.expectExactly('features/history-rewrite-fail-removed.mdx', [
      { rule: 'history-rewrite', line: 7, column: 1, message: ['Development', '2026-08-01', 'removed'], hint: ['Restore "development: 2026-08-01"'] },
    ]);
  });
});

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

describe('stage-backward', () => {
  it('passes a stage moved forward', () => {
    pr.expectClean('features/stage-backward-pass.mdx');
  });

  it('reports a backward move alone: the Beta date it removes is not also history-rewrite', () => {
    pr.expectExactly('features/stage-backward-fail.mdx', [
      { rule: 'stage-backward', line: 5, column: 8, message: ['Beta Release', 'Internal Release'], hint: ['Restore "stage: beta"'] },
    ]);
  });
});
