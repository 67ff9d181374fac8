import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';
import { describeBug, featureBugs } from '../tracker-state.ts';

export default defineFeatureRule({
  id: 'open-low-bugs',
  defaultSeverity: 'warning',
  docs: {
    summary: 'the feature is public with open low-priority bugs',
    rationale: 'Low-priority bugs may ship, but the process says to fix them soon; this keeps them visible. With ' +
      '`--online` the tracker\'s state and priority labels decide, as for open-high-bugs.',
  },
  check(feature, { content, tracker }, report) {
    const { file, data } = feature;
    if (!reachedStageRequiring(content, data, (stage) => stage.requires.noOpenHighBugs)) return;
    for (const bug of featureBugs(content.process, feature, tracker)) {
      if (bug.missing || bug.priority !== 'low' || bug.status !== 'open') continue;
      report({
        file,
        at: bug.at,
        message: `The feature is public with an open low-priority bug: ${describeBug(bug)}.`,
        hint: bug.issue
          ? `Schedule the fix soon; it counts as fixed once issue #${bug.issue.number} is closed on the tracker.`
          : 'Schedule the fix soon and set "status: closed" when it ships.',
      });
    }
  },
});
