import type { Content, ContentFile } from '../model.ts';
import { defineFeatureRule, type RuleFinding } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

export default defineFeatureRule({
  id: 'unknown-person',
  defaultSeverity: 'error',
  docs: {
    summary: 'an owner or approver is not in team.yaml',
    rationale: "Owners and approvers (and a handbook page's owner) are how the queues and review requests find " +
      "people; a misspelt id would quietly drop someone's approval or their queue. A person missing here " +
      'gets this finding alone (no role findings about them).',
    examples: [
      { bad: 'owner: dana-le', good: 'owner: dana-lee' },
    ],
  },
  check({ file, data }, { content }, report) {
    if (!content.people.has(data.owner)) report(unknownPerson(content, file, ['owner'], data.owner, 'The owner'));
    for (const [index, approval] of data.approvers.entries()) {
      if (!content.people.has(approval.person)) report(unknownPerson(content, file, ['approvers', index, 'person'], approval.person, 'The approver'));
    }
  },
  checkRest({ content }, report) {
    for (const { file, data } of content.handbook) {
      if (data.owner && !content.people.has(data.owner)) report(unknownPerson(content, file, ['owner'], data.owner, 'The page owner'));
    }
  },
});

function unknownPerson(content: Content, file: ContentFile, path: (string | number)[], id: string, what: string): RuleFinding {
  return {
    file,
    at: { path, anchor: 'value' },
    message: `${what} "${id}" is not a person in team.yaml.`,
    hint: `${didYouMean(id, content.people.keys())}Use a person id from content/team.yaml, or add the person there.`,
  };
}
