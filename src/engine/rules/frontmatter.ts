import { defineRule } from '../rule.ts';

/**
 * `frontmatter`: a file's frontmatter is missing, unreadable, executable, or
 * does not match its schema (missing or unknown key, wrong type, bad value,
 * impossible date).
 *
 * Protects every other rule: they only run on files that pass, because a
 * check over untrustworthy data misleads. A typo such as `aprovers` is an
 * error here rather than a silently skipped check. The loader finds these
 * problems while it reads; this rule reports all of them, not just the first.
 */
export default defineRule({
  id: 'frontmatter',
  defaultSeverity: 'error',
  check({ loadFindings }, report) {
    for (const finding of loadFindings) report(finding);
  },
});
