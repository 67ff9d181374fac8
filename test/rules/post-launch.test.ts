import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const warnings = theme('warnings');

describe('post-launch', () => {
  it('passes 13 days after Public Release with the post-launch items not done yet', () => {
    warnings.expectClean('features/post-launch-pass.mdx');
  });

  it('warns, on the checklist key, about each item not done 14 days after Public Release', () => {
    warnings.expectExactly('features/post-launch-fail.mdx', [
      { rule: 'post-launch', severity: 'warning', line: 27, column: 1, message: ['marketing-shared', '14 days', '2026-11-07'], hint: ['"marketing-shared: YYYY-MM-DD"', '14 days'] },
    ]);
  });
});
