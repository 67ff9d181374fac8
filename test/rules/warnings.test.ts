import { describe, expect, it } from 'vitest';
import { theme } from './expect.ts';

const warnings = theme('warnings');

describe('the warnings root', () => {
  it('has warnings only, so it would pass validation', () => {
    expect(warnings.result.summary.errors).toBe(0);
    expect(warnings.result.summary.warnings).toBe(6);
  });
});
