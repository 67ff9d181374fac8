import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const handbook = theme('handbook');

describe('handbook-stage', () => {
  it('passes stage pages that are the only page for their stage, and pages that declare no stage', () => {
    handbook.expectClean('handbook/stages/development.mdx');
    handbook.expectClean('handbook/stages/internal.mdx');
    handbook.expectClean('handbook/handbook-stage-pass.mdx');
    handbook.expectClean('features/handbook-stage-pass.mdx');
  });

  it('reports a stage with no page on that stage in process.yaml', () => {
    handbook.expectExactly('process.yaml', [
      { rule: 'handbook-stage', line: 58, column: 9, message: ['Public Release', 'no handbook page'], hint: ['"stage: public"'] },
    ]);
  });

  it('reports two pages for one stage on both pages, each naming the other', () => {
    handbook.expectExactly('handbook/stages/beta.mdx', [
      { rule: 'handbook-stage', line: 4, column: 8, message: ['Beta Release', handbook.path('handbook/stages/beta-again.mdx')], hint: ['"stage: beta" on one page only'] },
    ]);
    handbook.expectExactly('handbook/stages/beta-again.mdx', [
      { rule: 'handbook-stage', line: 4, column: 8, message: ['Beta Release', handbook.path('handbook/stages/beta.mdx')], hint: ['"stage: beta" on one page only'] },
    ]);
  });

  it('reports a page naming an unknown stage, suggesting the nearest', () => {
    handbook.expectExactly('handbook/handbook-stage-fail-unknown.mdx', [
      { rule: 'handbook-stage', line: 4, column: 8, message: ['"interal"'], hint: ['Did you mean "internal"?', 'development, internal, beta, public'] },
    ]);
  });
});
