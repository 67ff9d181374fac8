import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.ts';
import { fixturesDir, FIXTURE_TODAY } from '../helpers/validate.ts';
import { checkPr, git, makeRepo, removeTempDirs } from '../helpers/repo.ts';

/**
 * `validate --suppress-all` and `--prune-suppressions` (cli.md), and how
 * validate and check-pr read content/suppressions.json (the content
 * contract's "Suppressions"), on copies of the adoption fixture.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  removeTempDirs();
});

/** A fresh copy of the adoption fixture (two broken links on handbook/company/code_of_conduct.md). */
function adoptionCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplog-suppress-'));
  made.push(dir);
  cpSync(path.join(fixturesDir, 'adoption'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

const validate = (cwd: string, ...args: string[]) => runInProcess('validate', ['--today', FIXTURE_TODAY, ...args], { cwd, env: { NO_COLOR: '1' } });
const json = async (cwd: string, ...args: string[]) => {
  const run = await validate(cwd, '--format', 'json', ...args);
  return { run, report: JSON.parse(run.stdout) as { summary: { errors: number }; diagnostics: { file: string; rule: string; message: string }[] } };
};
const suppressionsOf = (cwd: string) => path.join(cwd, 'content/suppressions.json');

describe('validate --suppress-all', () => {
  it('records every handbook finding in the contract format, exits 0, and later runs report nothing', async () => {
    const dir = adoptionCopy();
    expect((await validate(dir)).status).toBe(1);
    const run = await validate(dir, '--suppress-all');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain('Recorded 2 findings in 2 entries in content/suppressions.json');
    expect(readFileSync(suppressionsOf(dir), 'utf8')).toBe(
      '{ "version": 1,\n' +
        '  "suppressions": [\n' +
        '    { "file": "handbook/company/code_of_conduct.md", "rule": "handbook-link", "target": "./code_of_conduct.md#nope", "count": 1 },\n' +
        '    { "file": "handbook/company/code_of_conduct.md", "rule": "handbook-link", "target": "./missing-page.md", "count": 1 } ] }\n',
    );
    const again = await validate(dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('(2 known findings on handbook pages suppressed by suppressions.json)');
    // The file is data the next run reads exactly as written.
    expect(JSON.parse(readFileSync(suppressionsOf(dir), 'utf8')).suppressions).toHaveLength(2);
  });

  it('fails a new broken link next to fifty suppressed ones, and reports it alone', async () => {
    const dir = adoptionCopy();
    const page = path.join(dir, 'content/handbook/company/old links.md');
    const fifty = Array.from({ length: 50 }, (_, i) => `- [old ${i}](./gone-${i}.md)`).join('\n');
    writeFileSync(page, `# Old links\n\n${fifty}\n`);
    expect((await validate(dir, '--suppress-all')).status).toBe(0);
    expect((await validate(dir)).status).toBe(0);
    writeFileSync(page, `# Old links\n\n${fifty}\n- [new](./brand-new-typo.md)\n`);
    const { run, report } = await json(dir);
    expect(run.status).toBe(1);
    expect(report.diagnostics.map((d) => d.message)).toEqual(['The link "./brand-new-typo.md" points to handbook/company/brand-new-typo.md, which does not exist.']);
  });

  it('covers only as many identical findings as its count: a second copy of a suppressed link is reported', async () => {
    const dir = adoptionCopy();
    await validate(dir, '--suppress-all');
    const page = path.join(dir, 'content/handbook/company/code_of_conduct.md');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nAnd again: [a missing page](./missing-page.md).\n`);
    const { report } = await json(dir);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]!.message).toContain('"./missing-page.md"');
  });

  it('leaves findings outside the handbook out of the file and still reports them (exit 1)', async () => {
    const dir = adoptionCopy();
    const feature = path.join(dir, 'content/features/dark-mode.mdx');
    writeFileSync(feature, readFileSync(feature, 'utf8').replace(/^owner: .*$/m, 'owner: nobody-at-all'));
    const { run, report } = await json(dir, '--suppress-all');
    expect(run.status).toBe(1);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['unknown-person']);
    const file = JSON.parse(readFileSync(suppressionsOf(dir), 'utf8')) as { suppressions: { file: string }[] };
    expect(file.suppressions.map((s) => s.file)).toEqual(['handbook/company/code_of_conduct.md', 'handbook/company/code_of_conduct.md']);
  });
});

describe('validate --suppress-all, for findings that would break the build', () => {
  it('records only link findings: a handbook page at a generated address is still an error (exit 1)', async () => {
    const dir = adoptionCopy();
    writeFileSync(path.join(dir, 'content/handbook/features.md'), '# Features\n\nA page at /features/, where the board is.\n');
    const { run, report } = await json(dir, '--suppress-all');
    expect(run.status).toBe(1);
    expect(report.diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/handbook/features.md', 'route-collision']]);
    const file = JSON.parse(readFileSync(suppressionsOf(dir), 'utf8')) as { suppressions: { rule: string }[] };
    expect(new Set(file.suppressions.map((s) => s.rule))).toEqual(new Set(['handbook-link']));
  });
});

describe('validate --prune-suppressions', () => {
  it('drops entries whose findings are gone and lowers counts, keeping the rest', async () => {
    const dir = adoptionCopy();
    const page = path.join(dir, 'content/handbook/company/code_of_conduct.md');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nAgain: [a missing page](./missing-page.md).\n`);
    await validate(dir, '--suppress-all');
    expect(readFileSync(suppressionsOf(dir), 'utf8')).toContain('"target": "./missing-page.md", "count": 2');
    // Fix the heading link and one of the two missing-page links.
    writeFileSync(page, readFileSync(page, 'utf8').replace('(./code_of_conduct.md#nope)', '(./code_of_conduct.md#reporting)').replace('\nAgain: [a missing page](./missing-page.md).\n', '\n'));
    const run = await validate(dir, '--prune-suppressions');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 suppressed findings no longer found; 1 finding in 1 entry left');
    expect(readFileSync(suppressionsOf(dir), 'utf8')).toBe(
      '{ "version": 1,\n  "suppressions": [\n    { "file": "handbook/company/code_of_conduct.md", "rule": "handbook-link", "target": "./missing-page.md", "count": 1 } ] }\n',
    );
  });

  it('drops the entries of a deleted page, which plain validate refuses (exit 2)', async () => {
    const dir = adoptionCopy();
    await validate(dir, '--suppress-all');
    rmSync(path.join(dir, 'content/handbook/company/code_of_conduct.md'));
    const before = readFileSync(suppressionsOf(dir), 'utf8');
    const refused = await validate(dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/names a file that no longer exists \(handbook\/company\/code_of_conduct\.md\): run validate with --prune-suppressions/);
    expect(readFileSync(suppressionsOf(dir), 'utf8')).toBe(before);
    // Pruned; the links to the deleted page are new findings, reported (and not recorded by a prune).
    const { run, report } = await json(dir, '--prune-suppressions');
    expect(run.status).toBe(1);
    expect(report.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('"../code_of_conduct.md#code-of-conduct" points to handbook/company/code_of_conduct.md, which does not exist'),
      expect.stringContaining('"code_of_conduct.md" points to handbook/company/code_of_conduct.md, which does not exist'),
    ]);
    expect(JSON.parse(readFileSync(suppressionsOf(dir), 'utf8'))).toEqual({ version: 1, suppressions: [] });
  });
});

describe('a suppressions file that cannot be used', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed JSON', '{ "version": 1, "suppressions": [', /is not valid JSON/],
    ['a negative count', JSON.stringify({ version: 1, suppressions: [{ file: 'handbook/company/code_of_conduct.md', rule: 'handbook-link', target: './missing-page.md', count: -3 }] }), /"count": -3; a count is at least 1/],
    ['a feature file', JSON.stringify({ version: 1, suppressions: [{ file: 'features/dark-mode.mdx', rule: 'unknown-person', target: null, count: 1 }] }), /only findings on handbook pages can be suppressed/],
    ['a path out of the root', JSON.stringify({ version: 1, suppressions: [{ file: 'handbook/../../x.md', rule: 'handbook-link', target: null, count: 1 }] }), /is not a plain path from the content root/],
    ['an unknown key', JSON.stringify({ version: 1, suppressions: [], extra: true }), /unknown key "extra"/],
    ['a rule that would break the build', JSON.stringify({ version: 1, suppressions: [{ file: 'handbook/company/code_of_conduct.md', rule: 'mdx-syntax', target: null, count: 1 }] }), /only handbook-link findings can be suppressed/],
    ['another version', JSON.stringify({ version: 2, suppressions: [] }), /the only version is 1/],
  ];
  for (const [name, text, reason] of cases) {
    it(`stops with exit 2 and one clear line, writing nothing: ${name}`, async () => {
      const dir = adoptionCopy();
      writeFileSync(suppressionsOf(dir), text);
      for (const args of [[], ['--suppress-all'], ['--prune-suppressions']]) {
        const run = await validate(dir, ...args);
        expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toMatch(reason);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(readFileSync(suppressionsOf(dir), 'utf8')).toBe(text);
      }
    });
  }

  it('refuses FILE arguments with --suppress-all', async () => {
    const dir = adoptionCopy();
    const run = await validate(dir, '--suppress-all', 'content/handbook/company/code_of_conduct.md');
    expect(run.status).toBe(2);
    expect(existsSync(suppressionsOf(dir))).toBe(false);
  });
});

describe('check-pr and suppressions.json', () => {
  it("judges by the base's copy: a pull request cannot suppress its own new broken link", async () => {
    const repo = makeRepo();
    repo.write('handbook/old.md', '# Old\n\n[gone](./gone.md)\n');
    await runInProcess('validate', ['--today', FIXTURE_TODAY, '--suppress-all'], { cwd: repo.dir });
    expect(repo.read('suppressions.json')).toContain('"target": "./gone.md"');
    repo.commitAll('Adopt the old page, its broken link suppressed');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    // The pull request adds a broken link and suppresses it in the same change.
    repo.write('handbook/new.md', '# New\n\n[typo](./typo.md)\n');
    await runInProcess('validate', ['--today', FIXTURE_TODAY, '--suppress-all'], { cwd: repo.dir });
    expect(repo.read('suppressions.json')).toContain('"target": "./typo.md"');
    repo.commitAll('A new page with a broken link, suppressed');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    const links = json.diagnostics.filter((d) => d.rule === 'handbook-link');
    expect(links.map((d) => [d.file, d.message])).toEqual([['content/handbook/new.md', 'The link "./typo.md" points to handbook/typo.md, which does not exist.']]);
    // The change to the file is process-changed, for the base's owners.
    expect(json.diagnostics.some((d) => d.rule === 'process-changed' && d.file === 'content/suppressions.json')).toBe(true);
  });

  it("uses the pull request's own copy when the base has none (the pull request that adopts the handbook)", async () => {
    const repo = makeRepo();
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.write('handbook/old.md', '# Old\n\n[gone](./gone.md)\n');
    await runInProcess('validate', ['--today', FIXTURE_TODAY, '--suppress-all'], { cwd: repo.dir });
    repo.commitAll('Adopt the handbook');
    const { run, json } = await checkPr(repo);
    expect(json.diagnostics.filter((d) => d.rule === 'handbook-link')).toEqual([]);
    expect(run.status).toBe(0);
    expect(json.reviewers.some((r) => r.stage === null)).toBe(true);
  });
});
