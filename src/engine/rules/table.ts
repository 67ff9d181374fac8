import { pullRequestRuleIds } from '../base.ts';
import type { Rule } from '../rule.ts';

/**
 * The rule tables of the README (section "The rules"), rendered from the
 * registry so they cannot drift from the code: the rules `validate` runs,
 * then the ones only `check-pr` runs, each in registry order.
 * test/rules/docs.test.ts fails when the README's copy differs;
 * `node scripts/rule-table.mjs` prints this to paste in.
 */
export function renderRuleTables(rules: readonly Rule[]): string {
  const isPullRequestRule = (rule: Rule) => (pullRequestRuleIds as readonly string[]).includes(rule.id);
  return [
    table(rules.filter((rule) => !isPullRequestRule(rule))),
    '',
    'Rules that compare a pull request with its base (`check-pr`):',
    '',
    table(rules.filter(isPullRequestRule)),
  ].join('\n');
}

function table(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => {
    // A locked rule's severity is not a default, and people look for it in process.yaml: say so where they read.
    const firesWhen = rule.locked ? `${rule.docs.summary}; cannot be changed in \`process.yaml\`` : rule.docs.summary;
    return `| \`${rule.id}\` | ${rule.defaultSeverity} | ${cell(firesWhen)} |`;
  });
  return ['| rule | default | fires when |', '| --- | --- | --- |', ...rows].join('\n');
}

/** A table cell's text: a `|` would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}
