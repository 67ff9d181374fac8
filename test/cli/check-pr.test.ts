import { afterAll, describe, expect, test } from 'vitest';
import { checkPr, type CheckPrJson, FIXTURE_TODAY, git, makeRepo, pullRequest, pullRequestRules, removeTempDirs, type Repo, repoAt, runScript, tempDir } from '../helpers/repo.ts';

afterAll(removeTempDirs);

const prFindings = (json: CheckPrJson) => json.diagnostics.filter((d) => pullRequestRules.includes(d.rule));

describe('check-pr: the pull-request rules against a real merge base', () => {
  test('a pull request that only edits a page body passes, with no reviewers to request', async () => {
    const repo = pullRequest();
    repo.edit('features/inbox-search.mdx', 'since late October.', 'since late October, with no complaints.');
    repo.commitAll('Notes');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.summary.errors).toBe(0);
    expect(json.diagnostics).toEqual([]);
    expect(json.reviewers).toEqual([]);
  });

  test('history-rewrite: a changed and a removed entry date, each on its own line', async () => {
    const repo = pullRequest();
    repo.edit('features/dark-mode.mdx', '  internal: 2026-08-20\n', '  internal: 2026-08-21\n');
    repo.edit('features/ticket-export.mdx', '  development: 2026-08-10\n', '');
    repo.commitAll('Rewrite history');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      expect.objectContaining({
        file: 'content/features/dark-mode.mdx',
        line: 10,
        column: 13,
        rule: 'history-rewrite',
        message: 'The Internal Release entry date changed from 2026-08-20 (on main) to 2026-08-21.',
      }),
      expect.objectContaining({ file: 'content/features/ticket-export.mdx', line: 8, rule: 'history-rewrite', message: 'The Development entry date (2026-08-10 on main) was removed.' }),
    ]);
  });

  test('history-rewrite does not fire when a date is added: moving forward is not rewriting', async () => {
    const repo = pullRequest();
    const moved = await runScript('advance', ['inbox-search', 'beta', '--today', FIXTURE_TODAY, '--approver', 'gary-mcgrath', '--approver', 'alicia-carney'], repo.dir);
    expect(moved.status).toBe(0);
    repo.commitAll('Inbox search to beta');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(prFindings(json)).toEqual([]);
  });

  test('approval-removed: a removed approval and a changed one; an added one is fine', async () => {
    const repo = pullRequest();
    repo.edit('features/dark-mode.mdx', '  - person: alicia-carney\n    stage: public\n    date: 2026-11-09\n', '');
    repo.edit('features/ticket-export.mdx', '    stage: beta\n    date: 2026-10-19\n  - person: james', '    stage: beta\n    date: 2026-10-18\n  - person: james');
    repo.edit('features/bulk-tagging.mdx', 'checklist:\n', '  - person: james-doman-pipe\n    stage: public\n    date: 2026-11-20\nchecklist:\n');
    repo.commitAll('Approvals');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json).map((d) => [d.file, d.rule, d.message])).toEqual([
      ['content/features/dark-mode.mdx', 'approval-removed', "alicia-carney's approval for public (2026-11-09 on main) was removed."],
      ['content/features/ticket-export.mdx', 'approval-removed', "gary-mcgrath's approval for beta (2026-10-19 on main) was changed."],
    ]);
    // The changed approval is pointed at where it now is.
    expect(prFindings(json)[1]!.line).toBe(16);
  });

  test('stage-backward, reported alone: the dates it removes are not also history-rewrite', async () => {
    const repo = pullRequest();
    repo.edit('features/ticket-export.mdx', 'stage: beta\n', 'stage: internal\n');
    repo.edit('features/ticket-export.mdx', '  beta: 2026-10-20\n', '');
    repo.commitAll('Back to internal');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      expect.objectContaining({ file: 'content/features/ticket-export.mdx', line: 6, column: 8, rule: 'stage-backward', message: 'The stage moved backwards, from Beta Release (on main) to Internal Release.' }),
    ]);
  });

  test('compares with the merge base, not the tip of the base branch', async () => {
    const repo = makeRepo();
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.edit('features/inbox-search.mdx', 'since late October.', 'since late October, daily.');
    repo.commitAll('PR work');
    // Meanwhile main corrects a date in a page the pull request does not touch.
    git(repo.dir, 'checkout', '-q', 'main');
    repo.edit('features/dark-mode.mdx', '  internal: 2026-08-20\n', '  internal: 2026-08-19\n');
    repo.commitAll('Fix a recorded date on main');
    git(repo.dir, 'checkout', '-q', 'pr');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(prFindings(json)).toEqual([]);
  });
});

describe('check-pr: new and renamed feature files', () => {
  test('a new feature file has no base version, so no pull-request rule applies to it', async () => {
    const repo = pullRequest();
    const created = await runScript('new-feature', ['macro-search', '--title', 'Macro search', '--owner', 'dana-lee', '--today', FIXTURE_TODAY], repo.dir);
    expect(created.status).toBe(0);
    repo.commitAll('New feature');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(json.diagnostics).toEqual([]);
    expect(json.reviewers).toEqual([]);
  });

  test('a renamed file is compared with its old version: an unchanged rename passes and enters no stage', async () => {
    const repo = pullRequest();
    git(repo.dir, 'mv', 'content/features/dark-mode.mdx', 'content/features/workspace-dark-mode.mdx');
    repo.edit('docs/using-dark-mode.mdx', 'feature: dark-mode', 'feature: workspace-dark-mode');
    repo.commitAll('Rename');
    expect(git(repo.dir, 'diff', '--name-status', '-M', 'main', 'HEAD')).toMatch(/^R\d+\tcontent\/features\/dark-mode\.mdx\tcontent\/features\/workspace-dark-mode\.mdx$/m);
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(0);
    expect(prFindings(json)).toEqual([]);
    // Its dates are those of the old file, so the pull request enters no stage and asks nobody.
    expect(json.reviewers).toEqual([]);
  });

  test('a renamed file cannot carry a rewritten date past history-rewrite', async () => {
    const repo = pullRequest();
    git(repo.dir, 'mv', 'content/features/dark-mode.mdx', 'content/features/workspace-dark-mode.mdx');
    repo.edit('docs/using-dark-mode.mdx', 'feature: dark-mode', 'feature: workspace-dark-mode');
    repo.edit('features/workspace-dark-mode.mdx', '  public: 2026-11-10\n', '  public: 2026-11-12\n');
    repo.commitAll('Rename and redate');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(prFindings(json).map((d) => [d.file, d.line, d.column, d.rule, d.message])).toEqual([
      ['content/features/workspace-dark-mode.mdx', 12, 11, 'history-rewrite', 'The Public Release entry date changed from 2026-11-10 (on main) to 2026-11-12.'],
    ]);
  });

  test('a deleted feature file takes its recorded history with it: history-rewrite on its old path', async () => {
    const repo = pullRequest();
    git(repo.dir, 'rm', '-q', 'content/features/tag-colors.mdx');
    repo.commitAll('Drop tag colours');
    const { run, json } = await checkPr(repo);
    expect(run.status).toBe(1);
    expect(json.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['content/features/tag-colors.mdx', 1, 'history-rewrite']]);
  });

  test('a changed page whose base version does not fit the base process is reported, not skipped', async () => {
    const repo = makeRepo();
    repo.edit('features/inbox-search.mdx', 'stage: internal\n', 'stage: internl\n');
    repo.commitAll('Broken on main');
    git(repo.dir, 'checkout', '-q', '-b', 'pr');
    repo.edit('features/inbox-search.mdx', 'stage: internl\n', 'stage: internal\n');
    repo.edit('features/inbox-search.mdx', '  internal: 2026-10-26\n', '  internal: 2026-10-27\n');
    repo.commitAll('Fix the stage');
    const { run, json } = await checkPr(repo);
    // The date change cannot be checked against a base that does not read: a person must look.
    expect(run.status).toBe(1);
    expect(prFindings(json)).toEqual([
      expect.objectContaining({
        file: 'content/features/inbox-search.mdx',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'history-rewrite',
        message: expect.stringMatching(/^The version of this page on main could not be read \(it does not fit the base's process.yaml \(stage: .*\)\), so its entry dates, approvals and stage could not be compared/),
      }),
    ]);
    expect(prFindings(json)[0]!.hint).toContain('git diff main... -- content/features/inbox-search.mdx');
  });
});

describe('check-pr: reviewers to request', () => {
  test('a pull request that enters Public lists everyone who approved the launch', async () => {
    const repo = pullRequest();
    const moved = await runScript(
      'advance',
      ['ticket-export', 'public', '--date', '2026-11-20', '--approver', 'gary-mcgrath@2026-11-18', '--approver', 'james-doman-pipe@2026-11-19', '--today', FIXTURE_TODAY],
      repo.dir,
    );
    expect(moved.status).toBe(0);
    repo.commitAll('Ticket export goes public');
    const { run, json } = await checkPr(repo, 'main');
    expect(run.status).toBe(0);
    expect(json.summary.errors).toBe(0);
    // James has no GitHub login in team.yaml: listed with null so a person can ask him directly.
    expect(json.reviewers).toEqual([
      { person: 'gary-mcgrath', github: 'garymcgrath', stage: 'public' },
      { person: 'james-doman-pipe', github: null, stage: 'public' },
    ]);

    const text = await runScript('check-pr', ['--base', 'main', '--today', FIXTURE_TODAY], repo.dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Reviewers to request: @garymcgrath (public), james-doman-pipe (public, no github login in team.yaml)');

    const github = await runScript('check-pr', ['--base', 'main', '--format', 'github', '--today', FIXTURE_TODAY], repo.dir);
    expect(github.stdout.trim().split('\n')).toEqual([
      '::notice title=Reviewers to request::@garymcgrath (public), james-doman-pipe (public, no github login in team.yaml)',
    ]);
  });

  test('a pre-approval for a stage not yet entered requests nobody', async () => {
    const repo = pullRequest();
    repo.edit('features/inbox-search.mdx', 'checklist:\n', '  - person: alicia-carney\n    stage: beta\n    date: 2026-11-20\nchecklist:\n');
    repo.commitAll('Pre-approval');
    const { json } = await checkPr(repo);
    expect(json.reviewers).toEqual([]);
  });

  test('--format github annotates the changed line and fails the check', async () => {
    const repo = pullRequest();
    repo.edit('features/dark-mode.mdx', '  public: 2026-11-10\n', '  public: 2026-11-11\n');
    repo.commitAll('Rewrite');
    const run = await runScript('check-pr', ['--base', 'main', '--format', 'github', '--today', FIXTURE_TODAY], repo.dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error file=content/features/dark-mode.mdx,line=12,col=11,title=history-rewrite::The Public Release entry date changed from 2026-11-10 (on main) to 2026-11-11.%0AFix: ',
    );
  });
});

describe('check-pr: where git runs, and when it cannot', () => {
  test('runs git in the repository that holds the content root, not the working directory', async () => {
    const repo = pullRequest();
    repo.edit('features/dark-mode.mdx', '  beta: 2026-09-10\n', '');
    repo.commitAll('Drop a date');
    const elsewhere = tempDir();
    git(elsewhere, 'init', '-q', '-b', 'trunk');
    const run = await runScript('check-pr', ['--content', repo.content, '--base', 'main', '--format', 'json', '--today', FIXTURE_TODAY], elsewhere);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as CheckPrJson;
    expect(prFindings(json).map((d) => d.rule)).toEqual(['history-rewrite']);
    // Paths are relative to the working directory, as everywhere else.
    expect(prFindings(json)[0]!.file).toMatch(/\.\.\/.*\/content\/features\/dark-mode\.mdx$/);
  });

  test('not a git repository: exit 2, one line that says what to do', async () => {
    const dir = tempDir();
    const repo = makeRepo();
    // A copy of the content root with no repository around it.
    git(repo.dir, 'checkout-index', '-a', `--prefix=${dir}/`);
    const run = await runScript('check-pr', ['--base', 'main'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^check-pr: .* is not inside a git repository: .*run it in a clone/);
  });

  test('an unknown base: exit 2 with the fetch to run', async () => {
    const repo = pullRequest();
    const run = await runScript('check-pr', ['--base', 'origin/main'], repo.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('check-pr: the base "origin/main" is not a commit in this repository: fetch it first (git fetch origin main), or check its spelling\n');
  });

  test('--base is required', async () => {
    const repo = pullRequest();
    const run = await runScript('check-pr', [], repo.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^check-pr: --base REF is required/);
  });

  describe('shallow clones', () => {
    /** main and pr have diverged by one commit each, so main's tip is not the merge base. */
    function diverged(): Repo {
      const repo = makeRepo();
      git(repo.dir, 'checkout', '-q', '-b', 'pr');
      repo.edit('features/inbox-search.mdx', 'since late October.', 'since late October, daily.');
      repo.commitAll('PR work');
      git(repo.dir, 'checkout', '-q', 'main');
      repo.edit('features/tag-colors.mdx', 'Early days', 'Still early days');
      repo.commitAll('Main moves on');
      return repo;
    }

    test('a clone of the pull request alone (the base not fetched): exit 2, says to fetch it', async () => {
      const origin = diverged();
      const clone = tempDir();
      git(clone, 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin.dir}`, 'repo');
      const run = await runScript('check-pr', ['--base', 'origin/main'], `${clone}/repo`);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'check-pr: the base "origin/main" is not in this shallow clone: fetch it (git fetch origin main), or check out with full history (actions/checkout with fetch-depth: 0)\n',
      );
    });

    test('both tips fetched shallowly, but not the merge base: exit 2, says to fetch more history', async () => {
      const origin = diverged();
      const clone = tempDir();
      git(clone, 'clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'pr', `file://${origin.dir}`, 'repo');
      const run = await runScript('check-pr', ['--base', 'origin/main'], `${clone}/repo`);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'check-pr: no merge base of "origin/main" and HEAD in this shallow clone: fetch more history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)\n',
      );
    });

    test('after git fetch --unshallow the same clone is checked', async () => {
      const origin = diverged();
      const clone = tempDir();
      git(clone, 'clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'pr', `file://${origin.dir}`, 'repo');
      git(`${clone}/repo`, 'fetch', '-q', '--unshallow');
      const { run, json } = await checkPr(repoAt(`${clone}/repo`), 'origin/main');
      expect(run.status).toBe(0);
      expect(json.diagnostics).toEqual([]);
    });
  });
});
