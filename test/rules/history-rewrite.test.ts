import { describe, it } from 'vitest';
import { pullRequestTheme } from './expect.ts';

const pr = pullRequestTheme();

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
