import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.ts';
import { rules } from '../../src/engine/rules/index.ts';
import { repoRoot } from '../helpers/validate.ts';

/**
 * The rule ids are a public interface (content-contract.md): every id the
 * contract names must be a registered rule with the contract's default
 * severity, and every module in src/engine/rules/ must be registered under
 * its own file name, so a new rule cannot be written and forgotten.
 */

const rulesDir = path.join(repoRoot, 'src/engine/rules');
const contractPath = path.resolve(repoRoot, '../shared/spec/content-contract.md');

/**
 * The rows of the contract's rule tables (| `rule-id` | default | fires when |)
 * and the built rules of its "Rules being added" list (- `rule-id` (default error): ...).
 * A listed rule that has no module yet is work in progress, not a registry error.
 */
function contractRules(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(contractPath, 'utf8').split('\n')) {
    const match = /^\|\s*`([a-z0-9-]+)`\s*\|\s*(error|warning)\s*\|/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
    const adding = /^- `([a-z0-9-]+)` \(default (error|warning)[,)]/.exec(line);
    if (adding && modules.includes(adding[1]!)) rows.set(adding[1]!, adding[2]!);
  }
  return rows;
}

/** Every module of src/engine/rules but the registry (index.ts) and the table it renders (table.ts) is a rule. */
const notRules = ['index.ts', 'table.ts'];
const modules = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.ts') && !notRules.includes(name))
  .map((name) => name.slice(0, -'.ts'.length))
  .sort();

describe('the rule registry', () => {
  it('reads both rule tables of the contract', () => {
    const contract = contractRules();
    // The validate table and the check-pr table: their first and last rows.
    for (const id of ['frontmatter', 'handbook-link', 'history-rewrite', 'stage-backward']) expect(contract.has(id)).toBe(true);
    expect(contract.size).toBeGreaterThanOrEqual(30);
  });

  it.each(modules)('registers the module rules/%s.ts under the id of its file name', async (name) => {
    const module = (await import(pathToFileURL(path.join(rulesDir, `${name}.ts`)).href)) as { default: Rule };
    expect(module.default.id).toBe(name);
    expect(rules).toContain(module.default);
  });

  it('registers every rule id in the contract, with its default severity', () => {
    const registered = new Map(rules.map((rule) => [rule.id, rule.defaultSeverity]));
    const expected = [...contractRules()].sort();
    expect(expected.map(([id]) => [id, registered.get(id)])).toEqual(expected);
  });

  it('registers each id once', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});
