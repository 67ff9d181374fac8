import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bugsCommand } from '../../src/cli/bugs.ts';
import { runCommand } from '../../src/cli/options.ts';
import { collectingIo, runInProcess } from '../helpers/cli.ts';
import { startFakeGithub, type FakeGithub, type FakeIssue } from '../helpers/fake-github.ts';
import { git, gitEnv, removeTempDirs, repoAt, tempDir, type Repo } from '../helpers/repo.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';

/**
 * `npm run bugs -- sync`, and the issue's "done when", end to end in a real
 * git repository against a server on 127.0.0.1 that answers like GitHub: a
 * high-priority issue labelled for a public feature turns `check-pr --online`
 * red; closing it on the tracker turns it green with no edit to the page;
 * `bugs sync` records the new state for the next offline build.
 */

const TOKEN = 'ghp_SyncTestTokenNeverPrinted000000000000';

const issues = (): FakeIssue[] => [
  { number: 1, title: 'Export drops attachments', state: 'closed', labels: ['priority/high'] },
  { number: 2, title: 'Typo in the snooze menu', state: 'open', labels: ['priority/low'] },
  { number: 3, title: 'Snoozed conversations come back twice', state: 'closed', labels: ['priority/high', 'feature:bug-status-stale-fail'] },
  { number: 4, title: 'Sidebar flickers', state: 'closed', labels: ['priority/high'] },
  { number: 5, title: 'Labels vanish on merge', state: 'open', labels: ['priority/high', 'feature:tracker-labelled-public'] },
  { number: 7, title: 'Fix label merge', state: 'open', labels: ['feature:tracker-labelled-public'], pullRequest: true },
];

let github: FakeGithub;
let repo: Repo;
let cacheDir: string;

beforeEach(async () => {
  github = await startFakeGithub({ token: TOKEN, issues: issues() });
  cacheDir = tempDir('shiplog-bugs-cache-');
  const dir = tempDir('shiplog-bugs-repo-');
  cpSync(path.join(fixturesDir, 'rules/tracker'), path.join(dir, 'content'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  repo = repoAt(dir);
  repo.commitAll('The content as on main');
});
afterEach(() => github.close());
afterAll(removeTempDirs);

const env = () => ({ ...gitEnv, GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN, SHIPLOG_CACHE_DIR: cacheDir, NO_COLOR: '1' });
const run = (name: 'bugs' | 'validate' | 'check-pr', args: string[]) => runInProcess(name, args, { cwd: repo.dir, env: env() });
const page = (id: string) => repo.read(`features/${id}.mdx`);
const original = (id: string) => readFileSync(path.join(fixturesDir, 'rules/tracker/features', `${id}.mdx`), 'utf8');
const json = (stdout: string) => JSON.parse(stdout) as { summary: { errors: number }; diagnostics: { rule: string; file: string; message: string }[] };

describe('bugs sync', () => {
  it('writes the tracker state into the pages, changing only those values and keeping every other byte', async () => {
    const result = await run('bugs', ['sync']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // A stale status: one value changed in place, its line's comment kept.
    expect(page('bug-status-stale-fail')).toBe(original('bug-status-stale-fail').replace('    status: open\n', '    status: closed\n'));
    // Status and priority left to the tracker: both written into the item.
    expect(page('bug-status-stale-pass-unrecorded')).toBe(
      original('bug-status-stale-pass-unrecorded').replace('  - url: https://github.com/acme/helpdesk/issues/2\n', '  - url: https://github.com/acme/helpdesk/issues/2\n    status: open\n    priority: low\n'),
    );
    // Stale priority and status.
    expect(page('bug-status-stale-fail-priority')).toBe(original('bug-status-stale-fail-priority').replace('    priority: low\n    status: open\n', '    priority: high\n    status: closed\n'));
    // An issue found by label is added (the pull request with the label is not a bug).
    expect(page('tracker-labelled-public')).toBe(
      original('tracker-labelled-public').replace(
        'bugs: []\n',
        'bugs:\n  - url: https://github.com/acme/helpdesk/issues/5\n    priority: high\n    status: open\n    title: Labels vanish on merge\n',
      ),
    );
    // Agrees already, or not on the tracker: untouched.
    expect(page('bug-status-stale-pass')).toBe(original('bug-status-stale-pass'));
    expect(page('tracker-missing-beta')).toBe(original('tracker-missing-beta'));
    expect(result.stdout).toContain('content/features/tracker-missing-beta.mdx: acme/helpdesk has no issue https://github.com/acme/helpdesk/issues/99; left as it is.');
    expect(result.stdout).toContain('Updated content/features/tracker-labelled-public.mdx:\n  https://github.com/acme/helpdesk/issues/5: added');
    expect(result.stdout).toMatch(/Synced 4 pages with acme\/helpdesk as of \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.\n$/);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);

    // The synced pages are valid, and a second sync has nothing to do.
    const again = await run('bugs', ['sync']);
    expect(again.stdout).toMatch(/^content\/features\/tracker-missing-beta\.mdx: .*\n\nEvery page already agrees with acme\/helpdesk/);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const result = await run('bugs', ['sync', 'bug-status-stale-fail', '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--- content/features/bug-status-stale-fail.mdx\tnow\n+++ content/features/bug-status-stale-fail.mdx\tafter bugs sync\n');
    expect(result.stdout).toContain('-    status: open\n+    status: closed\n');
    expect(result.stdout).toMatch(/Dry run: bug states from acme\/helpdesk as of .*; nothing was written\.\n$/);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    // Only the named feature's label was asked for.
    expect(github.requests.filter((r) => r.url.includes('labels=')).map((r) => decodeURIComponent(new URL(r.url, github.url).searchParams.get('labels')!))).toEqual(['feature:bug-status-stale-fail']);
  });

  it('refuses, writing nothing, when the page changes while it works', async () => {
    const file = repo.feature('bug-status-stale-fail');
    const io = collectingIo(repo.dir, env());
    const status = await runCommand('bugs', (args, i) => bugsCommand(args, i, { beforeWrite: () => writeFileSync(file, `${readFileSync(file, 'utf8')}\nSomeone's note.\n`) }), ['sync', 'bug-status-stale-fail'], io);
    expect(status).toBe(1);
    expect(io.out.stdout).toContain('Refused: content/features/bug-status-stale-fail.mdx changed while bugs sync was working');
    expect(readFileSync(file, 'utf8')).toBe(`${original('bug-status-stale-fail')}\nSomeone's note.\n`);
  });

  it('exit 2 for an unknown feature, naming the nearest one, before asking GitHub anything', async () => {
    const result = await run('bugs', ['sync', 'bug-status-stale-fial']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('bugs: no feature "bug-status-stale-fial". Did you mean "bug-status-stale-fail"? (The file name without .mdx is the id.)\n');
    expect(github.requests).toEqual([]);
  });
});

describe('done when: the tracker turns check-pr red, then green, and sync records it', () => {
  it('runs the whole sequence in a real repository', async () => {
    // A pull request branch that changes nothing in the pages: only the tracker changes.
    git(repo.dir, 'switch', '-q', '-c', 'topic');
    const checkPr = () => run('check-pr', ['--base', 'main', '--today', FIXTURE_TODAY, '--format', 'json', '--online']);

    // Offline, the page lists no bug: nothing stops the public feature.
    const offline = await run('validate', ['--today', FIXTURE_TODAY, '--format', 'json', 'content/features/tracker-labelled-public.mdx']);
    expect(offline.status).toBe(0);

    const red = await checkPr();
    expect(red.status).toBe(1);
    const errors = json(red.stdout).diagnostics.filter((d) => d.rule === 'open-high-bugs');
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'content/features/tracker-labelled-public.mdx',
        message: 'The feature is at Public Release with an open high-priority bug: https://github.com/acme/helpdesk/issues/5 ("Labels vanish on merge").',
      }),
    ]);

    github.issues.find((issue) => issue.number === 5)!.state = 'closed';
    const green = await checkPr();
    expect(green.status).toBe(0);
    expect(json(green.stdout).summary.errors).toBe(0);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');

    const synced = await run('bugs', ['sync', 'tracker-labelled-public']);
    expect(synced.status).toBe(0);
    expect(page('tracker-labelled-public')).toContain('bugs:\n  - url: https://github.com/acme/helpdesk/issues/5\n    priority: high\n    status: closed\n    title: Labels vanish on merge\n');
    repo.commitAll('bugs sync');

    // The next offline build judges the recorded state, without a request; reopening on the tracker would not reach it.
    const asked = github.requests.length;
    github.issues.find((issue) => issue.number === 5)!.state = 'open';
    const next = await run('validate', ['--today', FIXTURE_TODAY, '--format', 'json', 'content/features/tracker-labelled-public.mdx']);
    expect(next.status).toBe(0);
    expect(json(next.stdout).diagnostics).toEqual([]);
    expect(github.requests.length).toBe(asked);
    // Online, the reopened issue is judged again on the entry sync wrote, and the stale record is named.
    const reopened = await run('validate', ['--today', FIXTURE_TODAY, '--format', 'json', '--online', 'content/features/tracker-labelled-public.mdx']);
    expect(reopened.status).toBe(1);
    expect(json(reopened.stdout).diagnostics.map((d) => d.rule)).toEqual(['open-high-bugs', 'bug-status-stale']);
  });
});
