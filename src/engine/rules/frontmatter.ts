import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'frontmatter',
  defaultSeverity: 'error',
  docs: {
    summary: 'no or unreadable frontmatter, YAML syntax error, executable front matter, missing required key, ' +
      'unknown key, wrong type, bad enum value, impossible date',
    rationale: 'Protects every other rule: they only run on files that pass, because a check over untrustworthy data ' +
      'misleads. A typo such as `aprovers` is an error here rather than a silently skipped check. The ' +
      'loader finds these problems while it reads (process.yaml and team.yaml too, and duplicate ids in ' +
      'them); this rule reports all of them, not just the first.',
  },
  check({ loadFindings }, report) {
    for (const finding of loadFindings) report(finding);
  },
});
