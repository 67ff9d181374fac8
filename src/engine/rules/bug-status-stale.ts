import { defineFeatureRule } from '../rule.ts';
import { reachedStageRequiring } from '../requirements.ts';
import { featureBugs, labelPriority } from '../tracker-state.ts';

export default defineFeatureRule({
  id: 'bug-status-stale',
  defaultSeverity: 'warning',
  docs: {
    summary: 'a recorded bug `status` or `priority` disagrees with the tracker',
    rationale: 'With a tracker, the tracker is the truth and the page\'s `status` and `priority` are a copy for ' +
      'offline builds. A copy that disagrees misleads everyone who reads the page or builds without `--online`. ' +
      'Runs only with `--online`; one finding per stale field, on its line; `npm run bugs -- sync` writes the ' +
      'tracker\'s state. A listed issue the tracker does not have is reported here, unless the feature is at a ' +
      'stage that requires no open high-priority bug, where open-high-bugs reports it as an error.',
    examples: [{ bad: 'bugs:\n  - url: https://github.com/acme/helpdesk/issues/7\n    status: open   # closed on the tracker', good: '    status: closed' }],
  },
  check(feature, { content, tracker }, report) {
    const config = content.process.tracker;
    if (!tracker || !config) return;
    const { file, data } = feature;
    const gated = reachedStageRequiring(content, data, (stage) => stage.requires.noOpenHighBugs);
    for (const bug of featureBugs(content.process, feature, tracker)) {
      const recorded = bug.recorded;
      if (!recorded) continue;
      const index = bug.index!;
      if (bug.missing) {
        if (gated) continue;
        report({
          file,
          at: { path: ['bugs', index, 'url'], anchor: 'value' },
          message: `The tracker ${tracker.repository} has no issue ${recorded.url}, so its recorded state cannot be checked.`,
          hint: 'Correct the URL, or remove the entry if the issue was deleted; if the repository is private, run with a GITHUB_TOKEN that can read its issues.',
        });
        continue;
      }
      const issue = bug.issue;
      if (!issue) continue;
      const name = `issue #${issue.number} ("${issue.title}")`;
      if (recorded.status !== undefined && recorded.status !== issue.state) {
        report({
          file,
          at: { path: ['bugs', index, 'status'], anchor: 'value' },
          message: `The page records status ${recorded.status} for ${name}, which is ${issue.state} on the tracker.`,
          hint: `Write "status: ${issue.state}" (npm run bugs -- sync writes it), or leave "status" out and let the tracker decide.`,
        });
      }
      const live = labelPriority(config, issue.labels);
      if (recorded.priority !== undefined && live !== undefined && recorded.priority !== live) {
        const labels = config.priority[live].join(' or ');
        report({
          file,
          at: { path: ['bugs', index, 'priority'], anchor: 'value' },
          message: `The page records priority ${recorded.priority} for ${name}, which the tracker labels ${live} priority (${labels}).`,
          hint: `Write "priority: ${live}" (npm run bugs -- sync writes it), or change the issue's label on the tracker if ${recorded.priority} is right.`,
        });
      }
    }
  },
});
