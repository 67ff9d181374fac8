import { defineFeatureRule } from '../rule.ts';
import { approvalsFor, enteredStages, holdersOf } from '../requirements.ts';

/**
 * `approval-missing`: a stage the feature has entered lacks an approval that
 * one of its roles must give (Support for Internal Release; Support and
 * Growth for Beta and Public).
 *
 * Approvals are how Support and Growth know what reaches customers before it
 * does. An approval counts for a role when its person holds the role and it
 * names the stage. A stage with an approver who is not in team.yaml is left
 * to `unknown-person`: the typo is the one mistake to fix.
 */
export default defineFeatureRule({
  id: 'approval-missing',
  defaultSeverity: 'error',
  *check(entry, { content }) {
    const { file, data } = entry;
    for (const { stage, date } of enteredStages(content, data)) {
      const approvals = data.approvers.map((approval, index) => ({ approval, index })).filter(({ approval }) => approval.stage === stage.id);
      if (approvals.some(({ approval }) => !content.people.has(approval.person))) continue;
      for (const role of stage.requires.approvals) {
        if (approvalsFor(content, data, stage.id, role).length > 0) continue;
        const holders = holdersOf(content, role).map((p) => p.id);
        yield {
          rule: 'approval-missing',
          file,
          at: approvals.length ? { path: ['approvers', approvals[0]!.index], anchor: 'value' } : { path: ['dates', stage.id] },
          message: `${stage.name} was entered on ${date} without an approval by a person with role ${role}.`,
          hint: `Add an approver with role ${role} (${holders.join(', ') || 'nobody in team.yaml has it yet'}) for stage ${stage.id}, dated on or before ${date}.`,
        };
      }
    }
  },
});
