import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseNotesMarkdown } from '../../src/views/changelog-markdown.ts';
import { loadContent } from '../../src/engine/load.ts';
import { publicProjection } from '../../src/views/public.ts';
import { runInProcess } from '../helpers/cli.ts';
import { collectCanaries, FIXTURE_TODAY, fixturesDir, repoRoot } from '../public/helpers.ts';

const canaryRoot = path.join(fixturesDir, 'public-canary');
const SITE = 'https://updates.example.org/help';

/** `npm run changelog -- ARGS` in the repository's root, in-process. */
function changelog(...args: string[]) {
  return runInProcess('changelog', args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', SHIPLOG_PUBLIC_URL: SITE } });
}

const fixtureArgs = ['--content', canaryRoot, '--today', FIXTURE_TODAY];

describe('release notes in Markdown', () => {
  const projection = publicProjection(loadContent(canaryRoot).content!);

  it('groups entries by category, newest first, with absolute links to entries and articles', () => {
    expect(releaseNotesMarkdown(projection, { siteUrl: SITE })).toBe(
      [
        "# What's new",
        '',
        '## New',
        '',
        '- **[Snooze reminders](https://updates.example.org/help/changelog/snooze-reminders/)** (5 Oct 2026): Snooze a conversation and it comes back as a **reminder** when you need it.',
        `  Unsafe markup stays text: <script>alert("xss-script")</script> and [a bad link](javascript:alert('xss-link')).`,
        '',
        '  Read more: [Using snooze reminders](https://updates.example.org/help/docs/using-snooze-reminders/)',
        '',
        '## Fixed',
        '',
        '- **[Faster search](https://updates.example.org/help/changelog/faster-search/)** (10 Nov 2026): Search results now appear as you type, even in large accounts.',
        '',
      ].join('\n'),
    );
  });

  it('filters by release and by date, and says so in the title', () => {
    const release = releaseNotesMarkdown(projection, { siteUrl: SITE, release: '2026.10' });
    expect(release).toMatch(/^# What's new in release 2026\.10\n/);
    expect(release).toContain('Snooze reminders');
    expect(release).not.toContain('Faster search');
    const since = releaseNotesMarkdown(projection, { siteUrl: SITE, since: '2026-11-10' });
    expect(since).toMatch(/^# What's new since 10 Nov 2026\n/);
    expect(since).toContain('Faster search');
    expect(since).not.toContain('Snooze reminders');
    expect(releaseNotesMarkdown(projection, { siteUrl: SITE, since: '2026-11-11' })).toBe("# What's new since 11 Nov 2026\n\nNo customer-facing changes.\n");
  });
});

describe('npm run changelog', () => {
  it('prints the release notes of the public projection and nothing internal', async () => {
    const run = await changelog('--format', 'md', ...fixtureArgs);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(releaseNotesMarkdown(publicProjection(loadContent(canaryRoot).content!), { siteUrl: SITE }));
    const leaked = collectCanaries(canaryRoot).filter((canary) => run.stdout.toLowerCase().includes(canary.toLowerCase()));
    expect(leaked).toEqual([]);
  });

  it('takes --release and --since', async () => {
    const release = await changelog('--format', 'md', '--release', '2026.10', ...fixtureArgs);
    expect(release.status).toBe(0);
    expect(release.stdout).toContain('Snooze reminders');
    expect(release.stdout).not.toContain('Faster search');
    // 2026.12 is carried only by a beta feature: nothing public to announce yet.
    const beta = await changelog('--format', 'md', '--release', '2026.12', ...fixtureArgs);
    expect(beta.stdout).toBe("# What's new in release 2026.12\n\nNo customer-facing changes.\n");
    const since = await changelog('--since', '2026-11-01', ...fixtureArgs);
    expect(since.status).toBe(0);
    expect(since.stdout).toContain('Faster search');
    expect(since.stdout).not.toContain('Snooze reminders');
  });

  it.each([
    [['--format', 'html'], /--format must be md, not "html"/],
    [['--since', '2026-02-30'], /--since must be a real date/],
    [['--release', '26.1'], /--release must be a release name like 2026\.12/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--content', 'test/fixtures/does-not-exist'], /content root not found/],
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    const run = await changelog(...fixtureArgs, ...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses content with errors (exit 1, diagnostics on stderr, nothing on stdout)', async () => {
    const run = await changelog('--content', path.join(fixturesDir, 'links'), '--today', FIXTURE_TODAY);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('handbook-link');
    expect(run.stderr).toContain('changelog: stopped');
  });
});
