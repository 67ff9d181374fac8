import { defineFeatureRule } from '../rule.ts';
import { holdersOf } from '../requirements.ts';

export default defineFeatureRule({
  id: 'owner-role',
  defaultSeverity: 'error',
  docs: {
    summary: 'the owner lacks role `engineer`',
    rationale: 'The owner drives a feature from development to public release; the process puts that on an engineer ' +
      '(the role is `ownerRole` in process.yaml, `engineer` by default). Unknown owners are ' +
      "`unknown-person`'s finding.",
  },
  check({ file, data }, { content }, report) {
    const owner = content.people.get(data.owner);
    const role = content.process.ownerRole;
    if (!owner || owner.roles.includes(role)) return;
    const candidates = holdersOf(content, role).map((p) => p.id);
    report({
      file,
      at: { path: ['owner'], anchor: 'value' },
      message: `The owner ${owner.name} (${owner.id}) does not have role ${role}.`,
      hint: `Make a person with role ${role} the owner (${candidates.join(', ')}), or give ${owner.id} that role in team.yaml.`,
    });
  },
});
