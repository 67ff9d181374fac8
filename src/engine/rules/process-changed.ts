import { pullRequestBase, type PullRequestBase } from '../base.ts';
import type { Finding } from '../finding.ts';
import { defineRule, findingOf, type RuleFinding } from '../rule.ts';

const processChanged = defineRule({
  id: 'process-changed',
  defaultSeverity: 'warning',
  docs: {
    summary: "the pull request changes `process.yaml` or `team.yaml` (or `suppressions.json`); the base's process " +
      '`owners` are added to `reviewers`',
    rationale: 'Those files decide how every feature is judged (stages, required approvals, who holds which role, ' +
      'which findings are suppressed), so a change to them is reviewed by the process `owners` named on the ' +
      'BASE branch: a pull request cannot pick its own reviewers. check-pr adds those owners to `reviewers` ' +
      '(with `stage: null`). Reported on the first line that differs from the base (line 1 for a deleted ' +
      'file).',
  },
  check({ base }, report) {
    const extras = pullRequestBase(base);
    if (extras) for (const finding of changeFindings(extras)) report(finding);
  },
});
export default processChanged;

/** This rule's findings, with its id, for check-pr to report when the content does not load and no rule can run. */
export function processChangedFindings(base: PullRequestBase): Finding[] {
  return changeFindings(base).map((finding) => findingOf(processChanged, finding));
}

/** One finding for each process file the pull request changes. */
function changeFindings(base: PullRequestBase): RuleFinding[] {
  return base.processChanges.map(({ file, name, kind, offset }) => {
    const what = kind === 'added' ? 'adds' : kind === 'deleted' ? 'deletes' : 'changes';
    const owners = base.owners.map((o) => (o.github ? `@${o.github}` : o.person)).join(', ');
    const who = base.processNote
      ? `${base.processNote}, so the pull-request rules read ${base.ref}'s features with this pull request's process.yaml, at their default severities, and no owners on ${base.ref} can be requested: ask a maintainer to review it`
      : owners
        ? `the process owners on ${base.ref} must review it: ${owners}`
        : `process.yaml on ${base.ref} names no owners, so nobody is requested: ask a maintainer to review it`;
    return {
      file,
      at: { offset },
      message: `This pull request ${what} ${name}, which decides how every feature is judged; ${who}.`,
      hint: base.processNote
        ? `Add "owners: [person-id, ...]" to process.yaml so that later changes to the process are reviewed by them.`
        : `Request a review from ${owners || 'a maintainer'}; the pull-request rules still judge this pull request by process.yaml as it is on ${base.ref}.`,
    };
  });
}
