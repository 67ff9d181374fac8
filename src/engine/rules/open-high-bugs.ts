import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';
import { describeBug, featureBugs } from '../tracker-state.ts';

export default defineFeatureRule({
  id: 'open-high-bugs',
  defaultSeverity: 'error',
  docs: {
    summary: 'the feature is public with an open high-priority bug',
    rationale: 'The rollout process tracks feedback as bugs; high-priority ones must be closed before launch. One ' +
      'finding per open bug, on its entry. With `--online` the tracker decides: its state and priority labels, and ' +
      'the issues labelled for the feature; a listed issue the tracker does not have is reported here too, since ' +
      'a gate must not pass on a state it could not read.',
  },
  check(feature, { content, tracker }, report) {
    const { file, data } = feature;
    if (!reachedStageRequiring(content, data, (stage) => stage.requires.noOpenHighBugs)) return;
    const stageName = content.stageById.get(data.stage)!.name;
    for (const bug of featureBugs(content.process, feature, tracker)) {
      if (bug.missing) {
        report({
          file,
          at: { path: ['bugs', bug.index!, 'url'], anchor: 'value' },
          message: `The feature is at ${stageName}, and the tracker ${tracker!.repository} has no issue ${bug.url}: whether it is an open high-priority bug cannot be read.`,
          hint: 'Correct the URL, or remove the entry if the issue was deleted; if the repository is private, run with a GITHUB_TOKEN that can read its issues.',
        });
        continue;
      }
      if (bug.priority !== 'high' || bug.status !== 'open') continue;
      report({
        file,
        at: bug.at,
        message: `The feature is at ${stageName} with an open high-priority bug: ${describeBug(bug)}.`,
        hint: bug.issue
          ? `Fix the bug and close issue #${bug.issue.number} on the tracker, or move the feature back until it is fixed.`
          : 'Fix and close the bug (set "status: closed"), or move the feature back until it is fixed.',
      });
    }
  },
});
