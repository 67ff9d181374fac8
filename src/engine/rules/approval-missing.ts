import { defineFeatureRule } from '../rule.ts';
import { approvalsFor, enteredStages, holdersOf } from '../requirements.ts';

export default defineFeatureRule({
  id: 'approval-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'an entered stage lacks an approval its roles require',
    rationale: 'Approvals (Support for Internal Release; Support and Growth for Beta and Public) are how Support and ' +
      'Growth know what reaches customers before it does. An approval counts for a role when its person ' +
      "holds the role and it names the stage. When a stage's approvals include one that does not count " +
      "because its person is not in team.yaml (`unknown-person`) or holds none of the stage's roles " +
      '(`approval-role`), that approval is the one mistake to fix: it is reported there, not again here.',
  },
  check(entry, { content }, report) {
    const { file, data } = entry;
    for (const { stage, date } of enteredStages(content, data)) {
      if (stage.requires.approvals.length === 0) continue;
      const approvals = data.approvers.filter((approval) => approval.stage === stage.id);
      const misdirected = approvals.some((approval) => {
        const person = content.people.get(approval.person);
        return !person || !stage.requires.approvals.some((role) => person.roles.includes(role));
      });
      if (misdirected) continue;
      for (const role of stage.requires.approvals) {
        if (approvalsFor(content, data, stage.id, role).length > 0) continue;
        const holders = holdersOf(content, role).map((p) => p.id);
        const first = data.approvers.findIndex((approval) => approval.stage === stage.id);
        report({
          file,
          at: first >= 0 ? { path: ['approvers', first], anchor: 'value' } : { path: ['dates', stage.id] },
          message: `${stage.name} was entered on ${date} without an approval by a person with role ${role}.`,
          hint: `Add an approver with role ${role} (${holders.join(', ') || 'nobody in team.yaml has it yet'}) for stage ${stage.id}, dated on or before ${date}.`,
        });
      }
    }
  },
});
