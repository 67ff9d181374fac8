import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';

export default defineFeatureRule({
  id: 'open-high-bugs',
  defaultSeverity: 'error',
  docs: {
    summary: 'the feature is public with an open high-priority bug',
    rationale: 'The rollout process tracks feedback as bugs; high-priority ones must be closed before launch. One ' +
      'finding per open bug, on its entry.',
  },
  check({ file, data }, { content }, report) {
    if (!reachedStageRequiring(content, data, (stage) => stage.requires.noOpenHighBugs)) return;
    for (const [index, bug] of data.bugs.entries()) {
      if (bug.priority !== 'high' || bug.status !== 'open') continue;
      report({
        file,
        at: { path: ['bugs', index], anchor: 'value' },
        message: `The feature is at ${content.stageById.get(data.stage)!.name} with an open high-priority bug: ${bug.url}.`,
        hint: 'Fix and close the bug (set "status: closed"), or move the feature back until it is fixed.',
      });
    }
  },
});
