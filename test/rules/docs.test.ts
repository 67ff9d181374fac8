import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/engine/rules/index.ts';
import { renderRuleTables } from '../../src/engine/rules/table.ts';
import { repoRoot } from '../helpers/validate.ts';

/**
 * A rule's docs live with the rule (rule.ts, RuleDocs), and everything people
 * read about rules is made from them: the README's tables are generated
 * (src/engine/rules/table.ts), and each summary is held to the contract's
 * "fires when" text, so none of the three can drift from the others.
 */

const contractPath = path.resolve(repoRoot, '../shared/spec/content-contract.md');
const readmePath = path.join(repoRoot, 'README.md');
const TABLE_START = /<!-- rule-table:[^\n]*-->\n/;
const TABLE_END = '\n<!-- /rule-table -->';

/** The "fires when" cell of every row of the contract's rule tables (| `rule-id` | default | fires when |). */
function contractSummaries(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(contractPath, 'utf8').split('\n')) {
    const match = /^\|\s*`([a-z0-9-]+)`\s*\|\s*(?:error|warning)\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  return rows;
}

/** The README's generated tables: the text between the rule-table markers in "## The rules". */
function readmeTables(): string {
  const readme = readFileSync(readmePath, 'utf8');
  const start = TABLE_START.exec(readme);
  if (!start) throw new Error('README.md has no <!-- rule-table: ... --> marker');
  const end = readme.indexOf(TABLE_END, start.index);
  if (end < 0) throw new Error('README.md has no <!-- /rule-table --> marker');
  return readme.slice(start.index + start[0].length, end);
}

describe('rule docs', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has a one-line summary and a rationale', (_id, rule) => {
    expect(rule.docs.summary.trim().length).toBeGreaterThan(0);
    expect(rule.docs.summary).not.toMatch(/\n/);
    expect(rule.docs.summary).toBe(rule.docs.summary.trim());
    expect(rule.docs.rationale.trim().length).toBeGreaterThan(0);
    for (const example of rule.docs.examples ?? []) {
      expect(example.bad.trim().length).toBeGreaterThan(0);
      if (example.good !== undefined) expect(example.good).not.toBe(example.bad);
    }
  });

  it("gives every rule in the contract's tables the contract's \"fires when\" text as its summary, exactly", () => {
    const contract = contractSummaries();
    // Both tables were read (validate's and check-pr's): a broken parse would make this test vacuous.
    for (const id of ['frontmatter', 'handbook-link', 'history-rewrite', 'stage-backward']) expect(contract.has(id)).toBe(true);
    const inContract = rules.filter((rule) => contract.has(rule.id));
    expect(inContract.map((rule) => [rule.id, rule.docs.summary])).toEqual(inContract.map((rule) => [rule.id, contract.get(rule.id)]));
  });
});

describe("the README's rule tables", () => {
  it('are the tables rendered from the registry (run `node scripts/rule-table.mjs` and paste its output between the markers)', () => {
    expect(readmeTables()).toBe(renderRuleTables(rules));
  });

  it('list every registered rule once, with its default severity', () => {
    const rows = renderRuleTables(rules)
      .split('\n')
      .flatMap((line) => {
        const match = /^\| `([a-z0-9-]+)` \| (error|warning) \|/.exec(line);
        return match ? [[match[1], match[2]]] : [];
      });
    expect(rows).toEqual(rules.map((rule) => [rule.id, rule.defaultSeverity]));
  });

  it('put the pull-request rules in a table of their own, after the others', () => {
    const [validateTable, pullRequestTable] = renderRuleTables(rules).split('Rules that compare a pull request with its base (`check-pr`):');
    expect(pullRequestTable).toBeDefined();
    for (const id of ['history-rewrite', 'approval-removed', 'stage-backward', 'process-changed']) {
      expect(pullRequestTable).toContain(`| \`${id}\` |`);
      expect(validateTable).not.toContain(`| \`${id}\` |`);
    }
  });
});
