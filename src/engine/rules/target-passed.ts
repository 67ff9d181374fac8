import { defineFeatureRule } from '../rule.ts';
import { isPublicStage } from '../requirements.ts';

export default defineFeatureRule({
  id: 'target-passed',
  defaultSeverity: 'warning',
  docs: {
    summary: 'the target date has passed and the feature is not public',
    rationale: 'The company was told when to expect it; Support and Growth need a new date to tell customers.',
  },
  check({ file, data }, { content, today }, report) {
    if (!data.target || data.target >= today || isPublicStage(content, data.stage)) return;
    report({
      file,
      at: { path: ['target'], anchor: 'value' },
      message: `The target date ${data.target} has passed and the feature is still in ${content.stageById.get(data.stage)!.name}.`,
      hint: 'Set a new "target" and tell Support and Growth, or move the feature on.',
    });
  },
});
