import { defineFeatureRule } from '../rule.ts';
import { isPublicStage } from '../requirements.ts';

/**
 * `target-passed` (warning): the announced target date has passed and the
 * feature is not public.
 *
 * The company was told when to expect it; Support and Growth need a new date
 * to tell customers.
 */
export default defineFeatureRule({
  id: 'target-passed',
  defaultSeverity: 'warning',
  check({ file, data }, { content, today }, report) {
    if (!data.target || data.target >= today || isPublicStage(content, data.stage)) return;
    report({
      rule: 'target-passed',
      file,
      at: { path: ['target'], anchor: 'value' },
      message: `The target date ${data.target} has passed and the feature is still in ${content.stageById.get(data.stage)!.name}.`,
      hint: 'Set a new "target" and tell Support and Growth, or move the feature on.',
    });
  },
});
