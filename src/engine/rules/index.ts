import type { Rule } from '../rule.ts';
import approvalLate from './approval-late.ts';
import articleCode from './article-code.ts';
import bugStatusStale from './bug-status-stale.ts';
import approvalMissing from './approval-missing.ts';
import approvalRemoved from './approval-removed.ts';
import approvalRole from './approval-role.ts';
import changelogMissing from './changelog-missing.ts';
import checklistMissing from './checklist-missing.ts';
import checklistUnknown from './checklist-unknown.ts';
import dateInFuture from './date-in-future.ts';
import docsMissing from './docs-missing.ts';
import docsUnknown from './docs-unknown.ts';
import flagDuplicate from './flag-duplicate.ts';
import flagMissing from './flag-missing.ts';
import frontmatter from './frontmatter.ts';
import handbookLink from './handbook-link.ts';
import handbookStage from './handbook-stage.ts';
import historyRewrite from './history-rewrite.ts';
import internalMandatory from './internal-mandatory.ts';
import mdxSyntax from './mdx-syntax.ts';
import openHighBugs from './open-high-bugs.ts';
import openLowBugs from './open-low-bugs.ts';
import ownerRole from './owner-role.ts';
import postLaunch from './post-launch.ts';
import routeCollision from './route-collision.ts';
import processChanged from './process-changed.ts';
import soakShort from './soak-short.ts';
import stageBackward from './stage-backward.ts';
import stageDateAhead from './stage-date-ahead.ts';
import stageDateMissing from './stage-date-missing.ts';
import stageDateOrder from './stage-date-order.ts';
import staleStage from './stale-stage.ts';
import targetPassed from './target-passed.ts';
import unknownPerson from './unknown-person.ts';
import unknownTeam from './unknown-team.ts';

/**
 * Every rule the validator runs, in the order of the README's rule tables
 * (table.ts). A new rule is one module in this folder, its tests in
 * test/rules/<rule-id>.test.ts, and one line here (test/rules/registry.test.ts
 * fails if a module in this folder, other than this one and table.ts, is not
 * listed).
 */
export const rules: readonly Rule[] = [
  frontmatter,
  unknownPerson,
  unknownTeam,
  ownerRole,
  stageDateMissing,
  stageDateAhead,
  stageDateOrder,
  dateInFuture,
  internalMandatory,
  approvalMissing,
  approvalRole,
  approvalLate,
  checklistMissing,
  checklistUnknown,
  flagMissing,
  flagDuplicate,
  openHighBugs,
  docsMissing,
  docsUnknown,
  changelogMissing,
  soakShort,
  staleStage,
  targetPassed,
  postLaunch,
  openLowBugs,
  bugStatusStale,
  handbookStage,
  handbookLink,
  mdxSyntax,
  articleCode,
  routeCollision,
  historyRewrite,
  approvalRemoved,
  stageBackward,
  processChanged,
];
