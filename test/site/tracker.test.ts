import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import { startFakeGithub, type FakeGithub } from '../helpers/fake-github.ts';
import { removeTempDirs, tempDir } from '../helpers/repo.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

/**
 * `npm run build -- --online`: the internal site shows the bug states the
 * build read from the tracker (a server on 127.0.0.1 answering like GitHub),
 * and when it read them, on the feature pages and in the owners' queues.
 */

const TOKEN = 'ghs_SiteBuildTokenNeverInTheSite0000000000';
let github: FakeGithub;
let out: string;
let result: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  github = await startFakeGithub({
    token: TOKEN,
    issues: [
      { number: 1, title: 'Export drops attachments', state: 'closed', labels: ['priority/high'] },
      { number: 2, title: 'Typo in the snooze menu', state: 'open', labels: ['priority/low'] },
      { number: 3, title: 'Snoozed conversations come back twice', state: 'closed', labels: ['priority/high', 'feature:bug-status-stale-fail'] },
      { number: 4, title: 'Sidebar flickers', state: 'closed', labels: ['priority/high'] },
      { number: 5, title: 'Labels vanish on merge', state: 'closed', labels: ['priority/high', 'feature:tracker-labelled-public'] },
      { number: 9, title: 'Snooze picker ignores time zones', state: 'open', labels: ['priority/high', 'feature:bug-status-stale-pass-unrecorded'] },
    ],
  });
  out = tempDir('shiplog-tracker-site-');
  const args = ['scripts/build.mjs', '--only', 'internal', '--out', out, '--today', FIXTURE_TODAY, '--content', path.join(fixturesDir, 'rules/tracker'), '--online'];
  // As test/helpers/build.ts runs a build: its own process, without what Vitest adds to the environment, under the build lock.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SHIPLOG_DEV'].includes(key) && !key.startsWith('VITEST')));
  Object.assign(env, { NO_COLOR: '1', GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN, SHIPLOG_CACHE_DIR: tempDir('shiplog-tracker-site-cache-') });
  result = await withBuildLock(
    () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: repoRoot, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      }),
  );
}, 600_000);

afterAll(async () => {
  await github?.close();
  removeTempDirs();
});

const html = (page: string) => readFileSync(path.join(out, 'internal', page, 'index.html'), 'utf8');
const text = (page: string) => html(page).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('build --online', () => {
  it('builds, with the tracker read once per label and issue', () => {
    expect(result.stderr).not.toContain('Error');
    expect(result.status).toBe(0);
    expect(github.requests.length).toBeGreaterThan(0);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it("shows a feature's bugs as the tracker had them, the ones found by label, and when they were read", () => {
    const page = html('features/tracker-labelled-public');
    expect(page).toContain('data-bug-source="tracker"');
    expect(page).toMatch(/Bug states as the tracker acme\/helpdesk reported them when this site was built: <time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z"[^>]*>[^<]+ UTC<\/time>/);
    expect(page).toMatch(/<tr[^>]*data-priority="high"[^>]*data-status="closed"[^>]*data-url="https:\/\/github\.com\/acme\/helpdesk\/issues\/5"/);
    expect(text('features/tracker-labelled-public')).toContain('Labels vanish on merge (labelled on the tracker; not in this page yet: run npm run bugs -- sync )');
    // The page records "status: open" for #3; the tracker says closed, and the site shows closed.
    expect(html('features/bug-status-stale-fail')).toMatch(/data-status="closed"[^>]*data-url="https:\/\/github\.com\/acme\/helpdesk\/issues\/3"/);
  });

  it("lists an open high-priority issue found by label in its owner's queue, with where the state comes from", () => {
    const queue = text('people/dana-lee');
    expect(queue).toContain('Snooze picker ignores time zones');
    expect(html('people/dana-lee')).toContain('data-bug-source="tracker"');
  });

  it('never puts the token in the site', () => {
    expect(html('features/tracker-labelled-public')).not.toContain(TOKEN);
  });
});
