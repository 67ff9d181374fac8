import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const flags = theme('flags');

describe('flag-missing', () => {
  it('passes a feature past development with a flag', () => {
    flags.expectClean('features/flag-missing-pass.mdx');
  });

  it('passes a feature in development without one', () => {
    flags.expectClean('features/flag-missing-pass-development.mdx');
  });

  it('reports Internal Release without a flag on the opening --- line, suggesting the feature id as the key', () => {
    flags.expectExactly('features/flag-missing-fail.mdx', [
      { rule: 'flag-missing', line: 1, column: 1, message: ['Internal Release'], hint: ['"flag: flag-missing-fail"'] },
    ]);
  });
});
