import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';

/**
 * `flag-missing`: the feature is past development without a feature flag.
 *
 * Every feature ships behind a flag so it can be switched off when a problem
 * appears; from Internal Release on it is live for real people.
 */
export default defineFeatureRule({
  id: 'flag-missing',
  defaultSeverity: 'error',
  check({ id, file, data }, { content }, report) {
    if (data.flag || !reachedStageRequiring(content, data, (stage) => stage.requires.flag)) return;
    report({
      rule: 'flag-missing',
      file,
      at: { path: ['flag'] },
      message: `The feature is at ${content.stageById.get(data.stage)!.name} without a feature flag.`,
      hint: `Add "flag: ${id}" (the key of the flag that switches it on and off).`,
    });
  },
});
