import { defineRule } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

export default defineRule({
  id: 'handbook-stage',
  defaultSeverity: 'error',
  docs: {
    summary: 'a stage has no handbook page, two pages, or a page names an unknown stage',
    rationale: "Each stage page shows that stage's rules generated from process.yaml, so the handbook can never " +
      'disagree with the validator: that only holds if every stage has exactly one page.',
  },
  check({ content }, report) {
    const stageIds = content.stages.map((s) => s.id);
    for (const page of content.handbook) {
      const stage = page.data.stage;
      if (stage && !content.stageById.has(stage)) {
        report({
          file: page.file,
          at: { path: ['stage'], anchor: 'value' },
          message: `The page declares the stage "${stage}", which is not a stage in process.yaml.`,
          hint: `${didYouMean(stage, stageIds)}Stages: ${stageIds.join(', ')}.`,
        });
      }
    }
    for (const stage of content.stages) {
      const pages = content.handbook.filter((page) => page.data.stage === stage.id);
      if (pages.length === 0) {
        report({
          file: content.processFile,
          at: { path: ['stages', stage.index, 'id'], anchor: 'value' },
          message: `The stage ${stage.name} has no handbook page.`,
          hint: `Add a page under content/handbook with "stage: ${stage.id}" in its frontmatter.`,
        });
      }
      if (pages.length > 1) {
        for (const page of pages) {
          const others = pages.filter((p) => p !== page).map((p) => p.file.source.displayPath);
          report({
            file: page.file,
            at: { path: ['stage'], anchor: 'value' },
            message: `${stage.name} is declared by more than one handbook page (also ${others.join(', ')}).`,
            hint: `Keep "stage: ${stage.id}" on one page only.`,
          });
        }
      }
    }
  },
});
