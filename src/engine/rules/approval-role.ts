import { defineFeatureRule } from '../rule.ts';
import { holdersOf } from '../requirements.ts';

export default defineFeatureRule({
  id: 'approval-role',
  defaultSeverity: 'error',
  docs: {
    summary: 'an approver holds none of the roles the approved stage needs',
    rationale: 'A sign-off only means something from the people the process asks: an engineer approving their own ' +
      "Beta does not tell Growth anything. People not in team.yaml are `unknown-person`'s finding; stages " +
      'that need no approval are not judged.',
  },
  check({ file, data }, { content }, report) {
    for (const [index, approval] of data.approvers.entries()) {
      const person = content.people.get(approval.person);
      const stage = content.stageById.get(approval.stage);
      if (!person || !stage || stage.requires.approvals.length === 0) continue;
      const needed = stage.requires.approvals;
      if (needed.some((role) => person.roles.includes(role))) continue;
      const holders = needed.flatMap((role) => holdersOf(content, role).map((p) => `${p.id} (${role})`));
      report({
        file,
        at: { path: ['approvers', index, 'person'], anchor: 'value' },
        message: `${person.name} approved ${stage.name} but holds none of the roles it needs (${needed.join(', ')}).`,
        hint: `Ask a person with one of those roles to approve instead: ${holders.join(', ')}.`,
      });
    }
  },
});
