import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';

export default defineFeatureRule({
  id: 'changelog-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'the feature is public without a changelog entry',
    rationale: 'The public changelog (and its feeds and per-release pages) is how customers, including self-hosted ' +
      'ones, learn what reached them.',
  },
  check({ file, data }, { content }, report) {
    if (data.changelog || !reachedStageRequiring(content, data, (stage) => stage.requires.changelog)) return;
    report({
      file,
      at: { path: ['changelog'] },
      message: `The feature is at ${content.stageById.get(data.stage)!.name} without a changelog entry.`,
      hint: 'Add "changelog:" with "category: new|improved|fixed" and "text:" (one or two sentences for customers).',
    });
  },
});
