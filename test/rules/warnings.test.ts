import { describe, expect, it } from 'vitest';
import { theme } from './expect.ts';

const warnings = theme('warnings');

describe('soak-short', () => {
  it('passes exactly the soak days (7) between Internal Release and Beta', () => {
    warnings.expectClean('features/soak-short-pass.mdx');
  });

  it('warns on the next stage date when it comes fewer than 7 days after Internal Release', () => {
    warnings.expectExactly('features/soak-short-fail.mdx', [
      { rule: 'soak-short', severity: 'warning', line: 10, column: 3, message: ['Beta Release', '6 days', 'at least 7 days'], hint: ['7 days', 'Internal Release'] },
    ]);
  });

  it('judges whichever stage comes next, here Public Release after skipping Beta', () => {
    warnings.expectExactly('features/soak-short-fail-public.mdx', [
      { rule: 'soak-short', severity: 'warning', line: 10, column: 3, message: ['Public Release', '1 day after'], hint: ['before Public Release'] },
    ]);
  });
});

describe('stale-stage', () => {
  it('passes 90 days in development: the limit itself is not past it', () => {
    warnings.expectClean('features/stale-stage-pass.mdx');
  });

  it('passes months in Public Release, which has no limit', () => {
    warnings.expectClean('features/stale-stage-pass-public.mdx');
  });

  it('warns on the stage value after 91 days in development', () => {
    warnings.expectExactly('features/stale-stage-fail.mdx', [
      { rule: 'stale-stage', severity: 'warning', line: 5, column: 8, message: ['Development', '91 days', '2026-08-22', 'limit is 90'], hint: ['Support and Growth'] },
    ]);
  });

  it("uses each stage's own limit: 31 days in Internal Release", () => {
    warnings.expectExactly('features/stale-stage-fail-internal.mdx', [
      { rule: 'stale-stage', severity: 'warning', line: 5, column: 8, message: ['Internal Release', '31 days', 'limit is 30'], hint: ['move it on'] },
    ]);
  });
});

describe('target-passed', () => {
  it('passes a target of today', () => {
    warnings.expectClean('features/target-passed-pass.mdx');
  });

  it('passes a public feature whose target passed before it launched', () => {
    warnings.expectClean('features/target-passed-pass-public.mdx');
  });

  it('warns on the target value once it has passed', () => {
    warnings.expectExactly('features/target-passed-fail.mdx', [
      { rule: 'target-passed', severity: 'warning', line: 9, column: 9, message: ['2026-11-20', 'Development'], hint: ['new "target"'] },
    ]);
  });
});

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

describe('the warnings root', () => {
  it('has warnings only, so it would pass validation', () => {
    expect(warnings.result.summary.errors).toBe(0);
    expect(warnings.result.summary.warnings).toBe(6);
  });
});
