import { cpSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkPr, type CheckPrJson, FIXTURE_TODAY, fixtureContent, git, makeRepo, pullRequest, pullRequestRules, removeTempDirs, type Repo, repoAt, runScript, tempDir } from '../helpers/repo.ts';

/**
 * Issue 8, section 4: a pull request cannot weaken the rules that judge it.
 * Every case is a real repository: main holds the fixture, the branch `pr`
 * is the pull request, and check-pr runs as CI runs it.
 */

afterAll(removeTempDirs);

/** [file, line, column, severity, rule] of the pull-request rules' findings, in report order. */
const prFindings = (json: CheckPrJson) =>
  json.diagnostics.filter((d) => pullRequestRules.includes(d.rule)).map((d) => [d.file, d.line, d.column, d.severity, d.rule]);

const rewritePublicDate = (repo: Repo) => repo.edit('features/dark-mode.mdx', '  public: 2026-11-10\n', '  public: 2026-11-11\n');

/** The base's process owners, as check-pr requests them (James has no GitHub login on main). */
const baseOwners = [
  { person: 'marco-rossi', github: 'marcorossi', stage: null },
  { person: 'james-doman-pipe', github: null, stage: null },
];

/** Renames a stage id everywhere it is written, as a careful attacker would, so the pull request validates on its own terms. */
function renameStage(repo: Repo, from: string, to: string) {
  repo.edit('process.yaml', `  - id: ${from}\n`, `  - id: ${to}\n`);
  for (const name of readdirSync(path.join(repo.content, 'features'))) {
    const text = repo.read(`features/${name}`);
    repo.write(
      `features/${name}`,
      text
        .replace(new RegExp(`^stage: ${from}$`, 'm'), `stage: ${to}`)
        .replace(new RegExp(`^  ${from}: `, 'm'), `  ${to}: `)
        .replace(new RegExp(`^    stage: ${from}$`, 'gm'), `    stage: ${to}`),
    );
  }
  repo.edit(`handbook/stages/${from}.mdx`, `stage: ${from}`, `stage: ${to}`);
}

describe('the pull-request rules come from the base, not from the pull request', () => {
  test('(1) renaming a stage id does not make the base pages unreadable: the rewritten date and the renamed history are reported', async () => {
    const repo = pullRequest();
    renameStage(repo, 'beta', 'preview');
    rewritePublicDate(repo);
    repo.commitAll('Rename beta to preview, and redate a launch');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    // Nothing but the pull-request rules: the pull request is valid on its own terms.
    expect(json.diagnostics.filter((d) => !pullRequestRules.includes(d.rule))).toEqual([]);
    expect(prFindings(json)).toEqual([
      // Judged by main's process, the Beta dates and approvals are gone (now under "preview").
      ['content/features/bulk-tagging.mdx', 8, 1, 'error', 'history-rewrite'],
      ['content/features/bulk-tagging.mdx', 12, 1, 'error', 'approval-removed'],
      ['content/features/bulk-tagging.mdx', 12, 1, 'error', 'approval-removed'],
      ['content/features/dark-mode.mdx', 8, 1, 'error', 'history-rewrite'],
      ['content/features/dark-mode.mdx', 12, 11, 'error', 'history-rewrite'],
      ['content/features/dark-mode.mdx', 13, 1, 'error', 'approval-removed'],
      ['content/features/dark-mode.mdx', 13, 1, 'error', 'approval-removed'],
      ['content/features/ticket-export.mdx', 8, 1, 'error', 'history-rewrite'],
      ['content/features/ticket-export.mdx', 12, 1, 'error', 'approval-removed'],
      ['content/features/ticket-export.mdx', 12, 1, 'error', 'approval-removed'],
      // The first changed line of process.yaml: the renamed stage.
      ['content/process.yaml', 75, 1, 'warning', 'process-changed'],
    ]);
    const messages = json.diagnostics.filter((d) => d.file === 'content/features/dark-mode.mdx' && d.rule === 'history-rewrite').map((d) => d.message);
    expect(messages).toEqual([
      'The Beta Release entry date (2026-09-10 on main) was removed (this pull request\'s process.yaml has no stage "beta").',
      'The Public Release entry date changed from 2026-11-10 (on main) to 2026-11-11.',
    ]);
    const changed = json.diagnostics.find((d) => d.rule === 'process-changed')!;
    expect(changed.message).toBe(
      'This pull request changes process.yaml, which decides how every feature is judged; the process owners on main must review it: @marcorossi, james-doman-pipe.',
    );
    expect(json.reviewers.filter((r) => r.stage === null)).toEqual(baseOwners);
  });

  test('(2) rules: { history-rewrite: off } in the pull request does not switch off the rule that judges it', async () => {
    const repo = pullRequest();
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  history-rewrite: "off"\n');
    rewritePublicDate(repo);
    repo.commitAll('Silence history-rewrite, then redate');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      ['content/features/dark-mode.mdx', 12, 11, 'error', 'history-rewrite'],
      ['content/process.yaml', 111, 1, 'warning', 'process-changed'],
    ]);
    expect(json.summary).toEqual({ files: 15, errors: 1, warnings: 1 });
  });

  test('a downgrade to warning is ignored the same way, for every pull-request rule', async () => {
    const repo = pullRequest();
    repo.edit(
      'process.yaml',
      '  open-low-bugs: warning\n',
      '  open-low-bugs: warning\n  history-rewrite: warning\n  approval-removed: warning\n  stage-backward: warning\n  process-changed: "off"\n',
    );
    rewritePublicDate(repo);
    repo.edit('features/dark-mode.mdx', '  - person: alicia-carney\n    stage: public\n    date: 2026-11-09\n', '');
    repo.commitAll('Downgrade, then rewrite');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      ['content/features/dark-mode.mdx', 12, 11, 'error', 'history-rewrite'],
      ['content/features/dark-mode.mdx', 13, 1, 'error', 'approval-removed'],
      ['content/process.yaml', 111, 1, 'warning', 'process-changed'],
    ]);
    expect(json.reviewers).toEqual(baseOwners);
  });

  test('(3) stage-backward: "off" in the pull request still fails a backward move', async () => {
    const repo = pullRequest();
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  stage-backward: "off"\n');
    repo.edit('features/ticket-export.mdx', 'stage: beta\n', 'stage: internal\n');
    repo.edit('features/ticket-export.mdx', '  beta: 2026-10-20\n', '');
    repo.commitAll('Back to internal, quietly');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      ['content/features/ticket-export.mdx', 6, 8, 'error', 'stage-backward'],
      ['content/process.yaml', 111, 1, 'warning', 'process-changed'],
    ]);
  });

  test('the base decides: a severity the BASE sets for a pull-request rule is the one used', async () => {
    const repo = makeRepo();
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  history-rewrite: warning\n');
    repo.commitAll('main accepts rewritten dates as warnings');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    // ...and the pull request cannot raise nor lower that either: it tries "off".
    repo.edit('process.yaml', '  history-rewrite: warning\n', '  history-rewrite: "off"\n');
    rewritePublicDate(repo);
    repo.commitAll('Redate');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(prFindings(json)).toEqual([
      ['content/features/dark-mode.mdx', 12, 11, 'warning', 'history-rewrite'],
      ['content/process.yaml', 111, 1, 'warning', 'process-changed'],
    ]);
  });

  test('a rule id the pull request misspells in rules: is a frontmatter error of its own', async () => {
    const repo = pullRequest();
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  history-rewirte: "off"\n');
    repo.commitAll('Typo');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/process.yaml', 111, 1, 'warning', 'process-changed'],
      ['content/process.yaml', 111, 3, 'error', 'frontmatter'],
    ]);
    expect(json.diagnostics[1]!.message).toBe('"rules" sets a severity for "history-rewirte", which is not a rule.');
  });
});

describe('process-changed: who reviews a change to the process', () => {
  test('(4) a team.yaml change is a warning; the base owners are requested with their logins from the BASE team.yaml', async () => {
    const repo = pullRequest();
    // The pull request gives James a login and names its own owners: neither counts, both are main's to decide.
    repo.edit('team.yaml', '    roles: [growth]\n  - id: alicia-carney', '    roles: [growth]\n    github: jamesdp\n  - id: alicia-carney');
    repo.edit('process.yaml', 'owners: [marco-rossi, james-doman-pipe]', 'owners: [dana-lee]');
    repo.commitAll('People');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/process.yaml', 16, 1, 'warning', 'process-changed'],
      ['content/team.yaml', 21, 1, 'warning', 'process-changed'],
    ]);
    expect(json.diagnostics[1]!.message).toBe(
      'This pull request changes team.yaml, which decides how every feature is judged; the process owners on main must review it: @marcorossi, james-doman-pipe.',
    );
    // Listed once each, however many process files change.
    expect(json.reviewers).toEqual(baseOwners);

    const text = await runScript('check-pr', ['--base', 'main', '--today', FIXTURE_TODAY], repo.dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Reviewers to request: @marcorossi (process owner), james-doman-pipe (process owner, no github login in team.yaml)');
  });

  test('adding suppressions.json is a process change too', async () => {
    const repo = pullRequest();
    repo.write('suppressions.json', '{ "version": 1, "suppressions": [] }\n');
    repo.commitAll('Suppress nothing, yet');
    const { json } = await checkPr(repo);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.severity, d.rule])).toEqual([['content/suppressions.json', 1, 'warning', 'process-changed']]);
    expect(json.diagnostics[0]!.message).toMatch(/^This pull request adds suppressions\.json, /);
    expect(json.reviewers).toEqual(baseOwners);
  });

  test('deleting process.yaml: the content does not load (exit 1), and the owners still see it', async () => {
    const repo = pullRequest();
    git(repo.dir, 'rm', '-q', 'content/process.yaml');
    // Nothing can be judged without a process, so the rewrite is not reported as such; the run still fails.
    rewritePublicDate(repo);
    repo.commitAll('No more process');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/process.yaml', 1, 1, 'error', 'frontmatter'],
      ['content/process.yaml', 1, 1, 'warning', 'process-changed'],
    ]);
    expect(json.diagnostics[1]!.message).toMatch(/^This pull request deletes process\.yaml, /);
    expect(json.reviewers).toEqual(baseOwners);
  });

  test('changing ownerRole is a process change', async () => {
    const repo = pullRequest();
    repo.edit('process.yaml', 'owners: [marco-rossi, james-doman-pipe]\n', 'owners: [marco-rossi, james-doman-pipe]\nownerRole: engineer\n');
    repo.commitAll('Say the default out loud');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['content/process.yaml', 17, 'process-changed']]);
  });

  test('main can switch process-changed off; then nobody is added', async () => {
    const repo = makeRepo();
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  process-changed: "off"\n');
    repo.commitAll('main does not want process reviews');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.edit('team.yaml', '    roles: [growth]\n  - id: alicia-carney', '    roles: [growth]\n    github: jamesdp\n  - id: alicia-carney');
    repo.commitAll('People');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.diagnostics).toEqual([]);
    expect(json.reviewers).toEqual([]);
  });

  test('(6) a normal pull request touching only features: no process-changed, exit 0, only the stage reviewers', async () => {
    const repo = pullRequest();
    const moved = await runScript('advance', ['inbox-search', 'beta', '--today', FIXTURE_TODAY, '--approver', 'gary-mcgrath', '--approver', 'alicia-carney'], repo.dir);
    expect(moved.status).toBe(0);
    repo.commitAll('Inbox search to beta');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.diagnostics).toEqual([]);
    expect(json.reviewers).toEqual([
      { person: 'gary-mcgrath', github: 'garymcgrath', stage: 'beta' },
      { person: 'alicia-carney', github: 'aliciacarney', stage: 'beta' },
    ]);
  });
});

describe('pages that cannot be compared are reported, never skipped', () => {
  test('(5) a base page that is not valid YAML at the base, changed by the pull request: history-rewrite on its first line', async () => {
    const repo = makeRepo();
    repo.edit('features/inbox-search.mdx', 'title: Inbox search\n', 'title: [Inbox search\n');
    repo.commitAll('Broken YAML on main');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.edit('features/inbox-search.mdx', 'title: [Inbox search\n', 'title: Inbox search\n');
    repo.edit('features/inbox-search.mdx', '  development: 2026-09-01\n', '  development: 2026-09-02\n');
    repo.commitAll('Fix the title (and a date)');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([['content/features/inbox-search.mdx', 1, 1, 'error', 'history-rewrite']]);
    expect(json.diagnostics[0]!.message).toMatch(
      /^The version of this page on main could not be read \(its frontmatter is not valid YAML \(.+\)\), so its entry dates, approvals and stage could not be compared with this pull request's\.$/,
    );
  });

  test('an unreadable base page the pull request does not touch is not reported: nothing in it changed', async () => {
    const repo = makeRepo();
    repo.edit('features/inbox-search.mdx', 'title: Inbox search\n', 'title: [Inbox search\n');
    repo.commitAll('Broken YAML on main');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.edit('features/dark-mode.mdx', 'Shipped to everyone', 'Shipped to every customer');
    repo.commitAll('Unrelated');
    const { json } = await checkPr(repo);
    // validate's own finding on the broken page stays; no pull-request rule adds to it.
    expect(json.diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/features/inbox-search.mdx', 'frontmatter']]);
  });

  test('frontmatter: "off" plus a page broken at HEAD cannot hide a rewritten date', async () => {
    const repo = pullRequest();
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  frontmatter: "off"\n');
    rewritePublicDate(repo);
    // An unknown key: the page no longer loads, so no rule would look at it.
    repo.edit('features/dark-mode.mdx', 'flag: dark-mode\n', 'flag: dark-mode\nsneaky: true\n');
    repo.commitAll('Hide the page from the rules');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      ['content/features/dark-mode.mdx', 1, 1, 'error', 'history-rewrite'],
      ['content/process.yaml', 111, 1, 'warning', 'process-changed'],
    ]);
    expect(json.diagnostics[0]!.message).toBe(
      "This page's frontmatter does not load in this pull request, so its entry dates, approvals and stage could not be compared with the version on main.",
    );
  });
});

describe('a base without process.yaml (the pull request that adds Shiplog)', () => {
  test("falls back to the pull request's own process.yaml, at default severities, and says so on process-changed", async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'README.md'), 'Our product.\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Before Shiplog');
    git(dir, 'checkout', '-q', '-b', 'pr');
    cpSync(fixtureContent, path.join(dir, 'content'), { recursive: true });
    const repo = repoAt(dir);
    // Even here the pull request's rules: cannot lower the pull-request rules (nothing to compare yet, though).
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  process-changed: "off"\n');
    repo.commitAll('Adopt Shiplog');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.severity, d.rule])).toEqual([
      ['content/process.yaml', 1, 'warning', 'process-changed'],
      ['content/team.yaml', 1, 'warning', 'process-changed'],
    ]);
    expect(json.diagnostics[0]!.message).toBe(
      "This pull request adds process.yaml, which decides how every feature is judged; the base has no process.yaml, so the pull-request rules read main's features with this pull request's process.yaml, at their default severities, and no owners on main can be requested: ask a maintainer to review it.",
    );
    // No owners on main, and every feature is new, so only the approvers of the stages the new pages enter.
    expect(json.reviewers.filter((r) => r.stage === null)).toEqual([]);
  });

  test('a base process.yaml that does not parse: the same fallback, and a rewritten date is still an error', async () => {
    const repo = makeRepo();
    repo.edit('process.yaml', 'owners: [marco-rossi, james-doman-pipe]\n', 'owners: [marco-rossi, james-doman-pipe\n');
    repo.commitAll('main breaks its process.yaml');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.edit('process.yaml', 'owners: [marco-rossi, james-doman-pipe\n', 'owners: [marco-rossi, james-doman-pipe]\n');
    repo.edit('process.yaml', '  open-low-bugs: warning\n', '  open-low-bugs: warning\n  history-rewrite: "off"\n');
    rewritePublicDate(repo);
    repo.commitAll('Fix it, and redate');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      ['content/features/dark-mode.mdx', 12, 11, 'error', 'history-rewrite'],
      ['content/process.yaml', 16, 1, 'warning', 'process-changed'],
    ]);
    expect(json.diagnostics.find((d) => d.rule === 'process-changed')!.message).toMatch(/; the base's process\.yaml is not valid YAML \(.+\), so the pull-request rules read/);
    expect(json.reviewers).toEqual([]);
  });

  test('a process file the pull request turns into a link to /dev/zero or a pipe is a change to review, read in bounded memory', async () => {
    const repo = pullRequest();
    symlinkSync('/dev/zero', path.join(repo.content, 'suppressions.json'));
    rmSync(path.join(repo.content, 'team.yaml'));
    symlinkSync('/dev/zero', path.join(repo.content, 'team.yaml'));
    repo.commitAll('Links where the process files are');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(json.diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ['content/suppressions.json', 'process-changed'],
      ['content/team.yaml', 'frontmatter'],
      ['content/team.yaml', 'process-changed'],
    ]);
    expect(json.reviewers.filter((r) => r.stage === null).map((r) => r.person)).toEqual(baseOwners.map((o) => o.person));
  });

  test('a page renamed and rewritten at once, so that git sees no rename, is still compared: by its flag', async () => {
    const repo = pullRequest();
    const text = repo.read('features/dark-mode.mdx');
    rmSync(path.join(repo.content, 'features/dark-mode.mdx'));
    const rewritten = text.replace('  public: 2026-11-10\n', '  public: 2026-11-11\n').replace(/\n---\n[\s\S]*$/, `\n---\n${'A new body line.\n'.repeat(200)}`);
    repo.write('features/dark-theme.mdx', rewritten);
    for (const name of readdirSync(path.join(repo.content, 'docs'))) repo.write(`docs/${name}`, repo.read(`docs/${name}`).replace('feature: dark-mode', 'feature: dark-theme'));
    repo.commitAll('Dark theme, renamed and rewritten');
    expect(git(repo.dir, 'diff', '--name-status', '-M', 'main', '--', 'content/features')).toMatch(/^D\tcontent\/features\/dark-mode\.mdx$/m);
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([['content/features/dark-theme.mdx', 12, 11, 'error', 'history-rewrite']]);
  });

  test('a deleted feature page is a history rewrite: its entry dates go with it', async () => {
    const repo = pullRequest();
    rmSync(path.join(repo.content, 'features/dark-mode.mdx'));
    for (const name of readdirSync(path.join(repo.content, 'docs'))) repo.write(`docs/${name}`, repo.read(`docs/${name}`).replace(/^feature: dark-mode\n/m, ''));
    repo.commitAll('Drop dark mode');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([['content/features/dark-mode.mdx', 1, 1, 'error', 'history-rewrite']]);
    expect(json.diagnostics.find((d) => d.rule === 'history-rewrite')!.message).toMatch(/^The pull request deletes features\/dark-mode\.mdx, and its recorded entry dates with it \(Development .*Public Release 2026-11-10 on main\)\.$/);
  });
});
