import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';

export default defineFeatureRule({
  id: 'flag-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'the feature is past development without a flag',
    rationale: 'Every feature ships behind a flag so it can be switched off when a problem appears; from Internal ' +
      'Release on it is live for real people.',
  },
  check({ id, file, data }, { content }, report) {
    if (data.flag || !reachedStageRequiring(content, data, (stage) => stage.requires.flag)) return;
    report({
      file,
      at: { path: ['flag'] },
      message: `The feature is at ${content.stageById.get(data.stage)!.name} without a feature flag.`,
      hint: `Add "flag: ${id}" (the key of the flag that switches it on and off).`,
    });
  },
});
