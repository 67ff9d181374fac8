import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const checklist = theme('checklist');

describe('checklist-missing', () => {
  it('passes every Internal Release item done on or before the entry date', () => {
    checklist.expectClean('features/checklist-missing-pass.mdx');
  });

  it('reports an item never done on the checklist key', () => {
    checklist.expectExactly('features/checklist-missing-fail-absent.mdx', [
      { rule: 'checklist-missing', line: 14, column: 1, message: ['design-review', 'Internal Release', '2026-11-02'], hint: ['"design-review: YYYY-MM-DD"', 'on or before 2026-11-02'] },
    ]);
  });

  it('reports an item done after the entry date on its date', () => {
    checklist.expectExactly('features/checklist-missing-fail-late.mdx', [
      { rule: 'checklist-missing', line: 16, column: 18, message: ['design-review', '2026-11-03', '2026-11-02'], hint: ['on or before 2026-11-02'] },
    ]);
  });

  it('reports every item on dates.internal when there is no checklist key', () => {
    const items = ['hallway-tests', 'design-review', 'docs-review', 'analytics-review', 'flag-confirmed'];
    checklist.expectExactly(
      'features/checklist-missing-fail-no-checklist.mdx',
      items.map((item) => ({ rule: 'checklist-missing', line: 9, column: 3, message: [item], hint: [`"${item}: YYYY-MM-DD"`] })),
    );
  });

  it('leaves an item dated after today to date-in-future alone', () => {
    checklist.expectExactly('features/date-in-future-fail-checklist-after-entry.mdx', [
      { rule: 'date-in-future', line: 16, column: 18, message: ['design-review', '2026-12-02'], hint: ['real date'] },
    ]);
  });

  it("reports Public Release's own item", () => {
    checklist.expectExactly('features/checklist-missing-fail-public.mdx', [
      { rule: 'checklist-missing', line: 21, column: 1, message: ['analytics-validated', 'Public Release', '2026-11-10'], hint: ['"analytics-validated: YYYY-MM-DD"', '2026-11-10'] },
    ]);
  });
});
