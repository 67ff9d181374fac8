import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bugsCommand } from '../../src/cli/bugs.ts';
import { runCommand } from '../../src/cli/options.ts';
import { collectingIo, runInProcess, type Run } from '../helpers/cli.ts';
import { startFakeGithub, type FakeGithub, type FakeIssue } from '../helpers/fake-github.ts';
import { makeRepo, removeTempDirs, tempDir } from '../helpers/repo.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';

/**
 * `--online` against a real HTTP server on 127.0.0.1 that answers like
 * GitHub (test/helpers/fake-github.ts), on the rules/tracker fixture root:
 * what is asked (count, headers), what is found, how failures end, and that
 * nothing is asked without --online.
 */

const TOKEN = 'ghs_TestTokenThatMustNeverBeShown0123456789';
const root = path.join(fixturesDir, 'rules/tracker');

const issues = (): FakeIssue[] => [
  { number: 1, title: 'Export drops attachments', state: 'closed', labels: ['priority/high'] },
  { number: 2, title: 'Typo in the snooze menu', state: 'open', labels: ['priority/low'] },
  { number: 3, title: 'Snoozed conversations come back twice', state: 'closed', labels: ['priority/high', 'feature:bug-status-stale-fail'] },
  { number: 4, title: 'Sidebar flickers', state: 'closed', labels: ['priority/high'] },
  { number: 5, title: 'Labels vanish on merge', state: 'open', labels: ['priority/high', 'feature:tracker-labelled-public'] },
  { number: 6, title: 'Label colours are off', state: 'closed', labels: ['priority/low', 'feature:tracker-labelled-public'] },
  { number: 7, title: 'Fix label merge', state: 'open', labels: ['feature:tracker-labelled-public'], pullRequest: true },
  { number: 8, title: 'Merge loses the oldest label', state: 'closed', labels: ['priority/high', 'feature:tracker-labelled-public'] },
];

let github: FakeGithub;
let cacheDir: string;

beforeEach(async () => {
  // Two issues a page: tracker-labelled-public's four labelled issues take two pages, its open one on the second.
  github = await startFakeGithub({ token: TOKEN, issues: issues(), pageSize: 2 });
  cacheDir = tempDir('shiplog-tracker-cache-');
});
afterEach(() => github.close());
afterAll(removeTempDirs);

const env = (extra: Record<string, string> = {}) => ({ GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN, SHIPLOG_CACHE_DIR: cacheDir, NO_COLOR: '1', ...extra });
const validate = (args: string[] = [], extra: Record<string, string> = {}) =>
  runInProcess('validate', ['--content', root, '--today', FIXTURE_TODAY, '--format', 'json', ...args], { cwd: tempDir(), env: env(extra) });
const rulesIn = (run: Run) => (JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; line: number; message: string }[] }).diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.rule}`);
const cacheText = () => (existsSync(cacheDir) ? readdirSync(cacheDir).map((name) => readFileSync(path.join(cacheDir, name), 'utf8')).join('\n') : '');

function expectNoToken(...texts: string[]) {
  for (const text of [...texts, cacheText()]) expect(text).not.toContain(TOKEN);
}

const ONLINE_FINDINGS = [
  'bug-status-stale-fail-priority.mdx:39 bug-status-stale',
  'bug-status-stale-fail-priority.mdx:40 bug-status-stale',
  'bug-status-stale-fail.mdx:40 bug-status-stale',
  'tracker-labelled-public.mdx:37 open-high-bugs',
  'tracker-missing-beta.mdx:29 bug-status-stale',
];

describe('validate --online', () => {
  it('reads every label across its pages and each listed issue once, and judges the live state', async () => {
    const run = await validate(['--online']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(rulesIn(run)).toEqual(ONLINE_FINDINGS);
    const high = (JSON.parse(run.stdout) as { diagnostics: { rule: string; message: string }[] }).diagnostics.find((d) => d.rule === 'open-high-bugs')!;
    expect(high.message).toBe('The feature is at Public Release with an open high-priority bug: https://github.com/acme/helpdesk/issues/5 ("Labels vanish on merge").');

    const paths = github.requests.map((r) => decodeURIComponent(r.url.replace(/^\/repositories\/1296269/, '/repos/acme/helpdesk')));
    // Six features: six label listings, one of them two pages long; then the listed issues no listing returned (#3 was).
    expect(paths.filter((p) => p.startsWith('/repos/acme/helpdesk/issues?')).length).toBe(7);
    expect(paths.filter((p) => p.includes('labels=feature:tracker-labelled-public')).map((p) => new URL(p, github.url).searchParams.get('page') ?? '1')).toEqual(['1', '2']);
    expect(paths.filter((p) => /\/issues\/\d+$/.test(p)).sort()).toEqual(['/repos/acme/helpdesk/issues/1', '/repos/acme/helpdesk/issues/2', '/repos/acme/helpdesk/issues/4', '/repos/acme/helpdesk/issues/99']);
    expect(github.requests.length).toBe(11);
    for (const request of github.requests) {
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBe(`token ${TOKEN}`);
      expect(request.headers.accept).toBe('application/vnd.github+json');
      expect(request.headers['x-github-api-version']).toBe('2022-11-28');
      expect(request.headers['user-agent']).toMatch(/^shiplog /);
      expect(request.headers['if-none-match']).toBeUndefined();
    }
    expect(new URL(github.requests.find((r) => r.url.includes('labels='))!.url, github.url).searchParams.get('state')).toBe('all');
    expectNoToken(run.stdout, run.stderr);
  });

  it('asks again with the ETags it kept: every unchanged answer is a 304, and the findings are the same', async () => {
    await validate(['--online']);
    const first = github.requests.length;
    const again = await validate(['--online']);
    expect(rulesIn(again)).toEqual(ONLINE_FINDINGS);
    const second = github.requests.slice(first);
    expect(second.length).toBe(first);
    // #99 does not exist: a 404 is not cached, and is asked again.
    expect(second.filter((r) => r.status === 304).length).toBe(first - 1);
    expect(second.filter((r) => r.status === 304).every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    expect(second.find((r) => r.status !== 304)!.url).toBe('/repos/acme/helpdesk/issues/99');
    expectNoToken(again.stdout, again.stderr);
  });

  it('sees a change on the tracker despite the cache: a closed issue reopened is open again', async () => {
    await validate(['--online']);
    github.issues.find((i) => i.number === 5)!.state = 'closed';
    const run = await validate(['--online']);
    expect(run.status).toBe(0);
    expect(rulesIn(run)).not.toContain('tracker-labelled-public.mdx:37 open-high-bugs');
  });

  it('waits out a primary rate limit (403, x-ratelimit-remaining 0, reset a second ahead) and succeeds', async () => {
    github.failNext('/issues', { kind: 'rate-limit', resetInSeconds: 1 });
    const started = Date.now();
    const run = await validate(['--online']);
    expect(run.stderr).toBe('');
    expect(rulesIn(run)).toEqual(ONLINE_FINDINGS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(github.requests.filter((r) => r.status === 403).length).toBe(1);
    expect(github.requests.length).toBe(12);
  }, 20_000);

  it('waits out a secondary rate limit (retry-after) and succeeds', async () => {
    github.failNext('/issues/1', { kind: 'secondary-limit', retryAfter: 1 });
    const run = await validate(['--online']);
    expect(rulesIn(run)).toEqual(ONLINE_FINDINGS);
    expect(github.requests.filter((r) => r.url === '/repos/acme/helpdesk/issues/1').map((r) => r.status)).toEqual([403, 200]);
  }, 20_000);

  it('retries a 500 and succeeds on the 200 that follows', async () => {
    github.failNext('/issues/4', { kind: 'status', status: 500 });
    const run = await validate(['--online']);
    expect(run.stderr).toBe('');
    expect(rulesIn(run)).toEqual(ONLINE_FINDINGS);
    expect(github.requests.filter((r) => r.url === '/repos/acme/helpdesk/issues/4').map((r) => r.status)).toEqual([500, 200]);
  }, 20_000);

  it('stops with exit 2 and one line when GitHub refuses the token (401), and never shows the token', async () => {
    const run = await validate(['--online'], { GITHUB_TOKEN: `${TOKEN}x` });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^validate: --online: the tracker could not answer: GitHub refused GITHUB_TOKEN \(401 Bad credentials\) reading the issues labelled "feature:[a-z-]+" of acme\/helpdesk; set it to a token that can read the repository's issues\n$/);
    expectNoToken(run.stdout, run.stderr);
    // 401 is not retried: one request per label listing that was under way, no more.
    expect(github.requests.every((r) => r.status === 401)).toBe(true);
    expect(github.requests.length).toBeLessThanOrEqual(6);
  });

  it('stops with exit 2 on a 403 that is not a rate limit', async () => {
    github.failNext('/issues', { kind: 'status', status: 403 }, 6);
    const run = await validate(['--online']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('GitHub refused access (403 Resource not accessible by integration)');
    expect(run.stderr.split('\n').length).toBe(2);
  });

  it('stops with exit 2 when the repository does not exist for the token (404 on the listing)', async () => {
    const other = tempDir();
    const { cpSync, writeFileSync } = await import('node:fs');
    cpSync(root, other, { recursive: true });
    writeFileSync(path.join(other, 'process.yaml'), readFileSync(path.join(root, 'process.yaml'), 'utf8').replace('github: acme/helpdesk', 'github: acme/private'));
    const run = await runInProcess('validate', ['--content', other, '--today', FIXTURE_TODAY, '--online'], { cwd: other, env: env() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('validate: --online: the tracker could not answer: GitHub has no repository acme/private, or the token cannot read it (404)\n');
  });

  it('stops with exit 2 when process.yaml declares no tracker', async () => {
    const run = await runInProcess('validate', ['--content', path.join(fixturesDir, 'cli/clean'), '--today', FIXTURE_TODAY, '--online'], { cwd: tempDir(), env: env() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^validate: --online: process\.yaml declares no tracker/);
    expect(github.requests).toEqual([]);
  });

  it('makes no request at all without --online, whatever GITHUB_API_URL and GITHUB_TOKEN say', async () => {
    const run = await validate();
    expect(rulesIn(run)).toEqual(['bug-status-stale-fail-priority.mdx:38 open-low-bugs', 'bug-status-stale-fail.mdx:38 open-high-bugs']);
    const repo = makeRepo();
    const pr = await runInProcess('check-pr', ['--base', 'main', '--today', FIXTURE_TODAY], { cwd: repo.dir, env: env() });
    expect(pr.status).toBe(0);
    expect(github.requests).toEqual([]);
    expect(cacheText()).toBe('');
  });
});

describe('the tracker cannot answer after retries', () => {
  // bugs sync takes the test seam for a short backoff; validate and check-pr share the same reading code.
  const sync = (apiUrl: string) => {
    const io = collectingIo(tempDir(), { ...env(), GITHUB_API_URL: apiUrl });
    return runCommand('bugs', (args, i) => bugsCommand(args, i, { github: { retryBaseMs: 5 } }), ['sync', '--content', root, '--dry-run'], io).then((status) => ({ status, ...io.out }));
  };

  it('exit 2 after GitHub answers 502 four times (the first try and three retries)', async () => {
    github.failNext('/issues/1', { kind: 'status', status: 502 }, 4);
    const run = await sync(github.url);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('bugs: --online: the tracker could not answer: GitHub answered 502 (Bad Gateway) reading issue #1 of acme/helpdesk, also after retrying\n');
    expect(github.requests.filter((r) => r.url === '/repos/acme/helpdesk/issues/1').length).toBe(4);
    expectNoToken(run.stdout, run.stderr);
  });

  it('exit 2 when nothing listens at GITHUB_API_URL', async () => {
    const closed = await startFakeGithub();
    const address = closed.url;
    await closed.close();
    const run = await sync(address);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^bugs: --online: the tracker could not answer: could not reach http:\/\/127\.0\.0\.1:\d+ \(.*\) reading the issues labelled "feature:[a-z-]+" of acme\/helpdesk, also after retrying\n$/);
  });

  it('refuses to follow a next-page link to another host (the token would go with it)', async () => {
    github.failNext('/issues', { kind: 'foreign-next' });
    const run = await sync(github.url);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/next page for the issues labelled "feature:[a-z-]+" is on another host \(127\.0\.0\.2:9\); not following it\n$/);
    expect(github.requests.every((r) => r.headers.host?.startsWith('127.0.0.1:'))).toBe(true);
  });
});
