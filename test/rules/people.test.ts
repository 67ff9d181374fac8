import { describe, expect, it } from 'vitest';
import { validateFixture } from '../helpers/validate.ts';
import { theme } from './expect.ts';

const people = theme('people');

describe('unknown-person', () => {
  it('passes a feature whose owner and approvers (including a pre-approval) are all in team.yaml', () => {
    people.expectClean('features/unknown-person-pass.mdx');
  });

  it('reports a misspelt owner on the owner value, suggesting the nearest id, and no owner-role', () => {
    people.expectExactly('features/unknown-person-fail-owner.mdx', [
      { rule: 'unknown-person', line: 4, column: 8, message: ['"dana-le"'], hint: ['Did you mean "dana-lee"?', 'team.yaml'] },
    ]);
  });

  it('reports an unknown approver alone: no approval-role, and no approval-missing for the stage', () => {
    people.expectExactly('features/unknown-person-fail-approver.mdx', [
      { rule: 'unknown-person', line: 12, column: 13, message: ['approver', '"gary-mcgrat"'], hint: ['Did you mean "gary-mcgrath"?'] },
    ]);
  });

  it("reports a handbook page's unknown owner", () => {
    people.expectExactly('handbook/unknown-person-fail-page-owner.mdx', [
      { rule: 'unknown-person', line: 4, column: 8, message: ['page owner'], hint: ['Did you mean "kelly-obrien"?'] },
    ]);
  });
});

describe('unknown-team', () => {
  it('passes a feature whose team is in team.yaml', () => {
    people.expectClean('features/unknown-team-pass.mdx');
  });

  it("reports a feature's misspelt team on its value, listing the known teams", () => {
    people.expectExactly('features/unknown-team-fail.mdx', [
      { rule: 'unknown-team', line: 5, column: 7, message: ['"fronted"'], hint: ['Did you mean "frontend"?', 'frontend, support, growth, docs'] },
    ]);
  });

  it("reports a person's unknown team on team.yaml, at that person's team value", () => {
    people.expectExactly('team.yaml', [
      { rule: 'unknown-team', line: 40, column: 11, message: ['Nora Quinn', '"suport"'], hint: ['Did you mean "support"?'] },
    ]);
  });
});

describe('owner-role', () => {
  it('passes a feature owned by an engineer', () => {
    people.expectClean('features/owner-role-pass.mdx');
  });

  it('reports an owner without role engineer, naming the engineers who could own it', () => {
    people.expectExactly('features/owner-role-fail.mdx', [
      { rule: 'owner-role', line: 4, column: 8, message: ["Kelly O'Brien", 'engineer'], hint: ['dana-lee, marco-rossi', 'kelly-obrien'] },
    ]);
  });
});

describe('duplicate ids in team.yaml', () => {
  const result = validateFixture('team-duplicate');
  const team = 'test/fixtures/team-duplicate/team.yaml';

  it('reports the second entry of a person or team id, at its id, together with the file\'s other errors', () => {
    expect(result.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.rule}`)).toEqual([
      `${team} 11:9 frontmatter`,
      `${team} 40:9 frontmatter`,
      `${team} 47:13 frontmatter`,
    ]);
    const [teamDuplicate, personDuplicate] = result.diagnostics;
    expect(teamDuplicate!.message).toBe('"teams[4].id" is a second team with the id "support" (the first is teams[1]).');
    expect(personDuplicate!.message).toBe('"people[6].id" is a second person with the id "gary-mcgrath" (the first is people[0]).');
    expect(personDuplicate!.hint).toBe(
      'Ids are unique: merge the two entries into one, or give this person its own id. With both, neither can be trusted for approvals or reviews.',
    );
  });

  it('lets the impostor satisfy no approval: with team.yaml in error, no feature is judged by it (and none passes on it)', () => {
    expect(result.load.content).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.file.endsWith('relies-on-impostor.mdx'))).toEqual([]);
    expect(result.summary.errors).toBe(3);
  });
});
