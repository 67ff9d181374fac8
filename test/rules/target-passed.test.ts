import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const warnings = theme('warnings');

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
