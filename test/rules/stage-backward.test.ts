import { describe, it } from 'vitest';
import { pullRequestTheme } from './expect.ts';

const pr = pullRequestTheme();

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
