import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const warnings = theme('warnings');

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
