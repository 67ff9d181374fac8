import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const checklist = theme('checklist');

describe('checklist-unknown', () => {
  it('passes known items, including ones done before they are needed', () => {
    checklist.expectClean('features/checklist-unknown-pass.mdx');
  });

  it('reports a key that is not a process.yaml item, listing the items', () => {
    checklist.expectExactly('features/checklist-unknown-fail.mdx', [
      { rule: 'checklist-unknown', line: 10, column: 3, message: ['"load-test"'], hint: ['hallway-tests, design-review, docs-review, analytics-review, flag-confirmed, analytics-validated, metrics-shared, marketing-shared'] },
    ]);
  });

  it('reports a misspelt item alone, with a suggestion, and not also the real item as missing', () => {
    checklist.expectExactly('features/checklist-unknown-fail-typo.mdx', [
      { rule: 'checklist-unknown', line: 15, column: 3, message: ['"hallway-test"'], hint: ['Did you mean "hallway-tests"?'] },
    ]);
  });
});
