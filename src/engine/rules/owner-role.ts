import { defineFeatureRule } from '../rule.ts';
import { holdersOf } from '../requirements.ts';

/**
 * `owner-role`: the feature's owner lacks the owner role (`engineer` by
 * default, `ownerRole` in process.yaml).
 *
 * The owner drives a feature from development to public release; the process
 * puts that on an engineer. Unknown owners are `unknown-person`'s finding.
 */
export default defineFeatureRule({
  id: 'owner-role',
  defaultSeverity: 'error',
  check({ file, data }, { content }, report) {
    const owner = content.people.get(data.owner);
    const role = content.process.ownerRole;
    if (!owner || owner.roles.includes(role)) return;
    const candidates = holdersOf(content, role).map((p) => p.id);
    report({
      rule: 'owner-role',
      file,
      at: { path: ['owner'], anchor: 'value' },
      message: `The owner ${owner.name} (${owner.id}) does not have role ${role}.`,
      hint: `Make a person with role ${role} the owner (${candidates.join(', ')}), or give ${owner.id} that role in team.yaml.`,
    });
  },
});
