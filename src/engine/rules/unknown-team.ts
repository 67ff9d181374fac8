import type { Content } from '../model.ts';
import { defineFeatureRule } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

export default defineFeatureRule({
  id: 'unknown-team',
  defaultSeverity: 'error',
  docs: {
    summary: "a feature's or person's team is not in team.yaml",
    rationale: "Teams drive the board's filters and the team page; an unknown team would make a feature vanish from " +
      "its team's view.",
  },
  check({ file, data }, { content }, report) {
    if (data.team && !content.teamIds.has(data.team)) {
      report({ file, at: { path: ['team'], anchor: 'value' }, message: `The team "${data.team}" is not a team in team.yaml.`, hint: hint(content, data.team) });
    }
  },
  checkRest({ content }, report) {
    for (const [index, person] of content.team.people.entries()) {
      if (person.team && !content.teamIds.has(person.team)) {
        report({
          file: content.teamFile,
          at: { path: ['people', index, 'team'], anchor: 'value' },
          message: `${person.name}'s team "${person.team}" is not a team in team.yaml.`,
          hint: hint(content, person.team),
        });
      }
    }
  },
});

function hint(content: Content, team: string): string {
  const known = [...content.teamIds];
  return `${didYouMean(team, known)}Use a team id from content/team.yaml (${known.join(', ')}), or add the team there.`;
}
