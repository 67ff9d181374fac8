import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/engine/rules/index.ts';
import type { ValidationResult } from '../../src/engine/validate.ts';
import { fixturesDir, repoRoot, validateFixture } from '../helpers/validate.ts';
import { pullRequestTheme } from './expect.ts';

/**
 * Every registered rule has its tests in one place, test/rules/<rule-id>.test.ts
 * (with a describe block named after the rule), and fixtures under
 * test/fixtures/rules/<root>/ that show it working: one it passes, named
 * `<rule-id>-pass*`, on which it reports nothing, and one it fails, named
 * `<rule-id>-fail*`, on which it reports. Rules whose fixtures cannot be named
 * that way are listed in fixtureExceptions, each with the reason.
 */

const rulesFixtures = path.join(fixturesDir, 'rules');

/** A fixture file: the content root it is judged in (relative to test/fixtures) and its path in that root. */
interface Fixture {
  root: string;
  file: string;
}

/**
 * Rules whose passing or failing fixtures are not `<rule-id>-pass*` / `<rule-id>-fail*`
 * files under test/fixtures/rules. A side given here replaces the name-based search
 * for that side only; it is checked the same way (nothing reported, or something).
 */
const fixtureExceptions: Record<string, { pass?: Fixture[]; fail?: Fixture[]; builtInTest?: string }> = {
  // Its fixture is a root of its own, test/fixtures/links, whose pages each hold many links of one kind.
  'handbook-link': {
    pass: [{ root: 'links', file: 'handbook/good.mdx' }],
    fail: [{ root: 'links', file: 'handbook/bad.mdx' }],
  },
  // The failing files' names are the collisions (a feature id "table" takes /features/table/), so they cannot be named "-fail".
  'route-collision': {
    fail: [
      { root: 'rules/route-collision', file: 'features/table.mdx' },
      { root: 'rules/route-collision', file: 'handbook/guide.mdx' },
    ],
  },
  // It judges which files a pull request changes, not what a file says: the test builds the change by hand.
  'process-changed': { builtInTest: 'test/rules/process-changed.test.ts' },
  // It runs only with the tracker's live state (--online), which its test hands to the engine; offline its -fail pages are judged by what they record.
  'bug-status-stale': { builtInTest: 'test/rules/bug-status-stale.test.ts' },
};

/**
 * The roots under test/fixtures/rules, as test/fixtures-relative names. The
 * pull-request fixtures are one root judged against another: head is judged
 * with base as its base branch, and base, the other side, is not judged.
 */
function fixtureRoots(): string[] {
  return readdirSync(rulesFixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => (entry.name === 'pull-request' ? 'rules/pull-request/head' : `rules/${entry.name}`));
}

function filesOf(root: string, folder = ''): string[] {
  return readdirSync(path.join(fixturesDir, root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesOf(root, relative) : [relative];
  });
}

const allFixtures: Fixture[] = fixtureRoots().flatMap((root) => filesOf(root).map((file) => ({ root, file })));

function namedFixtures(id: string, side: 'pass' | 'fail'): Fixture[] {
  const name = new RegExp(`^${id}-${side}[-.]`);
  return allFixtures.filter(({ file }) => name.test(path.posix.basename(file)));
}

const results = new Map<string, ValidationResult>();
function resultOf(root: string): ValidationResult {
  let result = results.get(root);
  if (!result) results.set(root, (result = root === 'rules/pull-request/head' ? pullRequestTheme().result : validateFixture(root)));
  return result;
}

/** The rules that report on a fixture file. */
function rulesOn({ root, file }: Fixture): string[] {
  return resultOf(root)
    .diagnostics.filter((d) => d.file === `test/fixtures/${root}/${file}`)
    .map((d) => d.rule);
}

const ids = rules.map((rule) => rule.id);

describe('every rule has its tests in test/rules/<rule-id>.test.ts', () => {
  it.each(ids)('%s', (id) => {
    const testFile = path.join(repoRoot, 'test/rules', `${id}.test.ts`);
    expect(existsSync(testFile)).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toMatch(new RegExp(`^describe\\('${id}'`, 'm'));
  });

  it('and no other file under test/rules has a describe block named after a rule', () => {
    const elsewhere = readdirSync(path.join(repoRoot, 'test/rules'))
      .filter((name) => name.endsWith('.test.ts'))
      .flatMap((name) => {
        const text = readFileSync(path.join(repoRoot, 'test/rules', name), 'utf8');
        return ids.filter((id) => name !== `${id}.test.ts` && new RegExp(`^describe\\('${id}'`, 'm').test(text)).map((id) => `${name}: ${id}`);
      });
    expect(elsewhere).toEqual([]);
  });
});

describe('every rule has a fixture it passes and one it fails', () => {
  const checked = ids.filter((id) => !fixtureExceptions[id]?.builtInTest);

  it('lists as exceptions only registered rules, and a test file for each rule whose fixtures its test builds', () => {
    expect(Object.keys(fixtureExceptions).filter((id) => !ids.includes(id))).toEqual([]);
    for (const { builtInTest } of Object.values(fixtureExceptions)) if (builtInTest) expect(existsSync(path.join(repoRoot, builtInTest))).toBe(true);
  });

  it.each(checked)('%s reports nothing on its -pass fixtures', (id) => {
    const fixtures = fixtureExceptions[id]?.pass ?? namedFixtures(id, 'pass');
    expect(fixtures.length).toBeGreaterThan(0);
    const reported = fixtures.filter((fixture) => rulesOn(fixture).includes(id));
    expect(reported).toEqual([]);
  });

  it.each(checked)('%s reports on each of its -fail fixtures', (id) => {
    const fixtures = fixtureExceptions[id]?.fail ?? namedFixtures(id, 'fail');
    expect(fixtures.length).toBeGreaterThan(0);
    // fixtures.test.ts checks that a -fail file has some finding; here it must be this rule's.
    expect(fixtures.filter((fixture) => !rulesOn(fixture).includes(id))).toEqual([]);
  });
});
