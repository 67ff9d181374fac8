import { describe, expect, it } from 'vitest';
import { theme } from './expect.ts';

const flags = theme('flags');

describe('flag-duplicate', () => {
  it('passes a flag used once', () => {
    flags.expectClean('features/flag-duplicate-pass.mdx');
  });

  it('reports every file that shares the flag, each naming the others', () => {
    const files = ['a', 'b', 'c'];
    for (const letter of files) {
      const others = files.filter((f) => f !== letter).map((f) => `flag-duplicate-fail-${f}`);
      flags.expectExactly(`features/flag-duplicate-fail-${letter}.mdx`, [
        { rule: 'flag-duplicate', line: 6, column: 7, message: ['"shared-flag"', others.join(', ')], hint: [`"flag: flag-duplicate-fail-${letter}"`] },
      ]);
    }
    expect(flags.result.diagnostics.filter((d) => d.rule === 'flag-duplicate')).toHaveLength(3);
  });
});
