import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixturesDir, validateFixture } from '../helpers/validate.ts';
import { theme } from './expect.ts';

// Written by the ---js fixture if anything ever evaluated it.
const canary = path.join(tmpdir(), 'shiplog-frontmatter-ran');
rmSync(canary, { force: true });
delete (globalThis as { shiplogFrontmatterRan?: unknown }).shiplogFrontmatterRan;

const frontmatter = theme('frontmatter');

describe('frontmatter', () => {
  it('passes valid frontmatter, with dates quoted or not', () => {
    frontmatter.expectClean('features/frontmatter-pass.mdx');
  });

  it('reports a file with no frontmatter at line 1', () => {
    frontmatter.expectExactly('features/frontmatter-fail-no-frontmatter.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['no frontmatter'], hint: ['"---"'] },
    ]);
  });

  it('reports frontmatter that is never closed at its opening ---', () => {
    frontmatter.expectExactly('features/frontmatter-fail-unclosed.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['never closed'], hint: ['only "---"'] },
    ]);
  });

  it('reports an empty frontmatter block once, at its opening ---', () => {
    frontmatter.expectExactly('features/frontmatter-fail-empty.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['The frontmatter is empty'], hint: ['"key: value" lines'] },
    ]);
  });

  it('reports a YAML syntax error at the offending line', () => {
    frontmatter.expectExactly('features/frontmatter-fail-yaml-syntax.mdx', [
      { rule: 'frontmatter', line: 8, column: 1, message: ['YAML syntax error', 'unique'], hint: ['Keep one of the two entries'] },
    ]);
  });

  // The hint comes from yaml-errors.ts's table of YAML error codes (more cases in yaml-syntax.test.ts).
  it('reports an unquoted ": " inside a value as a YAML syntax error on its line', () => {
    frontmatter.expectExactly('features/frontmatter-fail-yaml-colon.mdx', [
      { rule: 'frontmatter', line: 3, message: ['YAML syntax error'], hint: ['Put the value in quotes: a value that contains ": " must be quoted.'] },
    ]);
  });

  it('reports ---js executable front matter and never runs it', () => {
    frontmatter.expectExactly('features/frontmatter-fail-executable.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['"---js"', 'never run'], hint: ['Replace the opening line with "---"'] },
    ]);
    expect((globalThis as { shiplogFrontmatterRan?: unknown }).shiplogFrontmatterRan).toBeUndefined();
    expect(existsSync(canary)).toBe(false);
  });

  it('reports a missing required key at the opening --- line', () => {
    frontmatter.expectExactly('features/frontmatter-fail-missing-key.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['Missing required key "summary"'], hint: ['Add "summary: …"'] },
    ]);
  });

  it('reports a missing nested key at its parent, with the kind of value it takes', () => {
    frontmatter.expectExactly('features/frontmatter-fail-missing-nested-key.mdx', [
      { rule: 'frontmatter', line: 9, column: 5, message: ['"date"', '"approvers[0]"'], hint: ['Add "date: …"', 'YYYY-MM-DD'] },
    ]);
  });

  it('reports an unknown key with a "Did you mean" suggestion and the known keys', () => {
    frontmatter.expectExactly('features/frontmatter-fail-unknown-key.mdx', [
      { rule: 'frontmatter', line: 10, column: 1, message: ['Unknown key "aprovers"'], hint: ['Did you mean "approvers"?', 'Known keys: title, summary'] },
    ]);
  });

  it('reports a value of the wrong type on the value', () => {
    frontmatter.expectExactly('features/frontmatter-fail-wrong-type.mdx', [
      { rule: 'frontmatter', line: 8, column: 12, message: ['"approvers" should be a list', '"gary-mcgrath"'], hint: ['"- item"'] },
    ]);
  });

  it('reports a value outside its enum, suggesting the nearest and listing all', () => {
    frontmatter.expectExactly('features/frontmatter-fail-bad-enum.mdx', [
      { rule: 'frontmatter', line: 5, column: 8, message: ['"beat"', 'development, internal, beta, public'], hint: ['Did you mean "beta"?', 'Use one of: development, internal, beta, public.'] },
    ]);
  });

  it('reports an impossible date (2026-02-30)', () => {
    frontmatter.expectExactly('features/frontmatter-fail-impossible-date.mdx', [
      { rule: 'frontmatter', line: 7, column: 16, message: ['"dates.development"', 'not a real calendar date', '"2026-02-30"'], hint: ['28 to 31 days'] },
    ]);
  });

  it('reports a file name that is not an id', () => {
    frontmatter.expectExactly('features/frontmatter-fail-Bad_Name.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['"frontmatter-fail-Bad_Name.mdx"', 'not a valid id'], hint: ['lowercase letters, digits and "-"'] },
    ]);
  });

  it('still reports the other problems of a file whose name is not an id', () => {
    frontmatter.expectExactly('features/frontmatter-fail-Bad_Name-and-key.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['not a valid id'], hint: ['lowercase letters'] },
      { rule: 'frontmatter', line: 8, column: 1, message: ['Unknown key "aprovers"'], hint: ['Did you mean "approvers"?'] },
    ]);
  });

  it('refuses a YAML tag instead of resolving it, and says why', () => {
    frontmatter.expectExactly('features/frontmatter-fail-yaml-tag.mdx', [
      { rule: 'frontmatter', line: 2, column: 8, message: ['not readable YAML', '"!!js/function"'], hint: ['Remove the "!!" or "!" tag', 'never code'] },
    ]);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('reports every error in a file, and no other rule runs on it', () => {
    // The file also has an unknown owner and is public without flag, docs or
    // changelog: none of that may be reported while its data is untrustworthy.
    frontmatter.expectExactly('features/frontmatter-fail-several.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['Missing required key "summary"'], hint: ['Add "summary: …"'] },
      { rule: 'frontmatter', line: 7, column: 11, message: ['"dates.public"', '"2026-13-01"'], hint: ['YYYY-MM-DD'] },
      { rule: 'frontmatter', line: 8, column: 1, message: ['Unknown key "aprovers"'], hint: ['Did you mean "approvers"?'] },
      { rule: 'frontmatter', line: 13, column: 10, message: ['"bugs[0].url"', '"not-a-url"'], hint: ['https://'] },
      { rule: 'frontmatter', line: 14, column: 15, message: ['"bugs[0].priority"', '"urgent"'], hint: ['Use one of: high, low.'] },
    ]);
  });

  it("reports an article's wrong type (ready: yes is text in YAML 1.2)", () => {
    frontmatter.expectExactly('docs/frontmatter-fail-doc.mdx', [
      { rule: 'frontmatter', line: 4, column: 8, message: ['"ready"', 'true or false', '"yes"'], hint: ['Write true or false.'] },
    ]);
  });

  it("reports a handbook page's errors", () => {
    frontmatter.expectExactly('handbook/frontmatter-fail-handbook.mdx', [
      { rule: 'frontmatter', line: 4, column: 11, message: ['"reviewed"', '"2026-13-01"'], hint: ['YYYY-MM-DD'] },
      { rule: 'frontmatter', line: 5, column: 8, message: ['"order"', 'whole number', '"first"'], hint: ['number'] },
    ]);
  });

  it('does not call a feature with broken frontmatter unknown when an article names it', () => {
    frontmatter.expectClean('docs/frontmatter-names-broken-feature.mdx');
  });

  it('does not call an article with broken frontmatter unknown or not ready when a public feature names it', () => {
    frontmatter.expectClean('features/docs-missing-pass-broken-article.mdx');
  });

  it('reports nothing but frontmatter in this root', () => {
    expect(new Set(frontmatter.result.diagnostics.map((d) => d.rule))).toEqual(new Set(['frontmatter']));
  });
});

describe('frontmatter in process.yaml', () => {
  const broken = theme('frontmatter-process');

  it('reports every schema error in process.yaml, with suggestions', () => {
    broken.expectExactly('process.yaml', [
      { rule: 'frontmatter', line: 46, column: 5, message: ['Unknown key "mandatroy"', '"stages[1]"'], hint: ['Did you mean "mandatory"?'] },
      { rule: 'frontmatter', line: 77, column: 15, message: ['"rules.soak-short"', '"loud"'], hint: ['Use one of: error, warning, off.'] },
    ]);
  });

  it('judges nothing else while the process is unusable', () => {
    expect(broken.result.diagnostics.every((d) => d.file === broken.path('process.yaml'))).toBe(true);
  });
});

describe('frontmatter: a duplicate id in process.yaml', () => {
  it('is an error at the second id, saying which entry and how to fix it', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'shiplog-dup-'));
    try {
      cpSync(path.join(fixturesDir, 'valid'), work, { recursive: true });
      const file = path.join(work, 'process.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('  - id: support\n', '  - id: support\n    name: Support again\n  - id: support\n'));
      const line = text.slice(0, text.indexOf('  - id: support\n')).split('\n').length + 2;
      const { diagnostics } = validateRoot(work, { today: FIXTURE_TODAY, cwd: work });
      expect(diagnostics.map(({ file, line, column, rule, message, hint }) => ({ file, line, column, rule, message, hint }))).toEqual([
        {
          file: 'process.yaml',
          line,
          column: 9,
          rule: 'frontmatter',
          message: '"roles[2].id" is a second entry with the id "support".',
          hint: 'Ids are unique: merge the two roles entries into one, or give this one its own id.',
        },
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
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

describe('frontmatter: severities for rules that do not exist', () => {
  const root = theme('frontmatter-rules');

  it('reports a misspelt rule id in process.yaml rules, which would otherwise do nothing', () => {
    root.expectExactly('process.yaml', [
      { rule: 'frontmatter', line: 78, column: 3, message: ['"soak-shrot"', 'not a rule'], hint: ['Did you mean "soak-short"?'] },
    ]);
    root.expectClean('features/frontmatter-pass.mdx');
  });
});

describe('frontmatter in team.yaml', () => {
  const broken = theme('frontmatter-team');

  it('reports every error in team.yaml', () => {
    broken.expectExactly('team.yaml', [
      { rule: 'frontmatter', line: 24, column: 13, message: ['"people[2].roles[0]"', '"grwoth"'], hint: ['Did you mean "growth"?'] },
      { rule: 'frontmatter', line: 33, column: 5, message: ['Missing required key "name"', '"people[5]"'], hint: ['Add "name: …"'] },
      { rule: 'frontmatter', line: 36, column: 5, message: ['Unknown key "github_login"'], hint: ['Known keys in "people[5]": id, name, title, team, roles, github.'] },
    ]);
  });

  it("still reports features' frontmatter errors, which do not depend on team.yaml", () => {
    broken.expectExactly('features/frontmatter-fail-missing-summary.mdx', [
      { rule: 'frontmatter', line: 1, column: 1, message: ['Missing required key "summary"'], hint: ['Add "summary: …"'] },
    ]);
  });

  it('runs no other rule while the team is unusable', () => {
    broken.expectClean('features/internal-without-flag-not-judged.mdx');
    expect(new Set(broken.result.diagnostics.map((d) => d.rule))).toEqual(new Set(['frontmatter']));
  });
});

describe('hostile keys and values', () => {
  const hostile = theme('hostile-values');

  it('reports a __proto__ checklist key at the key (zod would drop it silently)', () => {
    hostile.expectExactly('features/checklist-fail-proto.mdx', [
      {
        rule: 'frontmatter',
        line: 10,
        column: 3,
        message: ['"checklist.__proto__" is not a checklist item: "__proto__" is a reserved name.'],
        hint: ['Remove the "__proto__" key, or replace it with a checklist item id from process.yaml.'],
      },
    ]);
  });

  it('does not count U+2028 or U+2029 inside values as line ends: the next finding is on its real line', () => {
    hostile.expectExactly('features/unicode-fail-line-separator.mdx', [
      { rule: 'frontmatter', line: 8, column: 1, message: ['Unknown key "aprovers"'], hint: ['Did you mean "approvers"?'] },
    ]);
  });

  it('reports checklist keys holding control characters, at their own lines', () => {
    hostile.expectExactly('features/checklist-fail-control-key.mdx', [
      { rule: 'checklist-unknown', line: 9, column: 3, message: ['"hallway-tests\n::warning file=x::pwned"'], hint: ['Checklist items:'] },
      { rule: 'checklist-unknown', line: 10, column: 3, message: ['"design\u001b[31m-review\r\u2028"'], hint: ['Checklist items:'] },
    ]);
  });
});
