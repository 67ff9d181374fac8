import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const people = theme('people');

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
