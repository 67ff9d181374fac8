import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';

export default defineFeatureRule({
  id: 'open-low-bugs',
  defaultSeverity: 'warning',
  docs: {
    summary: 'the feature is public with open low-priority bugs',
    rationale: 'Low-priority bugs may ship, but the process says to fix them soon; this keeps them visible.',
  },
  check({ file, data }, { content }, report) {
    if (!reachedStageRequiring(content, data, (stage) => stage.requires.noOpenHighBugs)) return;
    for (const [index, bug] of data.bugs.entries()) {
      if (bug.priority !== 'low' || bug.status !== 'open') continue;
      report({
        file,
        at: { path: ['bugs', index], anchor: 'value' },
        message: `The feature is public with an open low-priority bug: ${bug.url}.`,
        hint: 'Schedule the fix soon and set "status: closed" when it ships.',
      });
    }
  },
});
