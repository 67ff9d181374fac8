import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { announceCommand } from '../../src/cli/announce.ts';
import { runCommand } from '../../src/cli/options.ts';
import { collectingIo, runInProcess } from '../helpers/cli.ts';
import { git, gitEnv, removeTempDirs, tempDir } from '../helpers/repo.ts';
import { makeHistoryRepo, type HistoryRepo } from '../history/history-repo.ts';

/**
 * `npm run announce` in a real repository (test/history/history-repo.ts: a
 * merge commit, a squash commit, a rename), and `--post` against a real HTTP
 * server on 127.0.0.1 that answers as told.
 */

let repo: HistoryRepo;
beforeAll(async () => {
  repo = await makeHistoryRepo();
});
afterAll(removeTempDirs);

const env = { ...gitEnv, NO_COLOR: '1', SHIPLOG_INTERNAL_URL: 'https://handbook.acme.test', SHIPLOG_REPO_URL: 'https://github.com/acme/handbook' };
const announce = (args: string[], cwd = repo.dir) => runInProcess('announce', args, { cwd, env });

interface AnnounceJson {
  from: string;
  to: string;
  transitions: { feature: string; title: string; from: string | null; to: string; date: string; commit: string; author: string; pr: number | null; target: string | null; notify: { person: string | null; role: string; action: string }[] }[];
}

describe('announce', () => {
  test('a push that moves three features: each transition with its commit, pull request and who must act (json)', async () => {
    const run = await announce(['--from', repo.base, '--to', repo.rename, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as AnnounceJson;
    expect(json.from).toBe(repo.base.slice(0, 7));
    expect(json.to).toBe(repo.rename.slice(0, 7));
    const internal = [
      { person: 'gary-mcgrath', role: 'support', action: 'Enable the flag on the support instance and the internal instances; assign testers.' },
      // Nobody in the fixture's team.yaml holds the docs role: the action is still said.
      { person: null, role: 'docs', action: 'Prepare the self-service article.' },
      { person: null, role: 'everyone', action: 'Available internally; expected publicly on the target date.' },
    ];
    expect(json.transitions).toEqual([
      { feature: 'reply-drafts', title: 'Reply drafts', from: 'development', to: 'internal', date: '2026-11-21', commit: repo.merge.slice(0, 7), author: 'Shiplog Test', pr: 12, target: null, notify: internal },
      { feature: 'scheduled-replies', title: 'Scheduled replies', from: null, to: 'development', date: '2026-11-21', commit: repo.merge.slice(0, 7), author: 'Shiplog Test', pr: 12, target: null, notify: [] },
      {
        feature: 'inbox-search',
        title: 'Inbox search',
        from: 'internal',
        to: 'beta',
        date: '2026-11-21',
        commit: repo.squash.slice(0, 7),
        author: 'Dana Lee',
        pr: 13,
        target: '2026-12-15',
        notify: [
          { person: 'james-doman-pipe', role: 'growth', action: 'Organise the beta customers.' },
          { person: 'alicia-carney', role: 'growth', action: 'Organise the beta customers.' },
        ],
      },
    ]);
    // Exactly the keys of cli.md, in its order.
    expect(Object.keys(json)).toEqual(['from', 'to', 'transitions']);
    expect(Object.keys(json.transitions[0]!)).toEqual(['feature', 'title', 'from', 'to', 'date', 'commit', 'author', 'pr', 'target', 'notify']);
  });

  test('text names people, links the feature page and says the target date', async () => {
    const run = await announce(['--from', repo.merge, '--format', 'text']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        `1 stage change from ${repo.merge.slice(0, 7)} to ${repo.rename.slice(0, 7)}`,
        '',
        'Inbox search entered Beta Release (from Internal Release) on 2026-11-21; expected publicly on 2026-12-15.',
        '  https://handbook.acme.test/features/inbox-search/',
        `  Moved in ${repo.squash.slice(0, 7)} by Dana Lee (pull request #13).`,
        '  Approved by Gary McGrath, James Doman-Pipe.',
        '  - James Doman-Pipe (Growth): Organise the beta customers.',
        '  - Alicia Carney (Growth): Organise the beta customers.',
        '',
      ].join('\n'),
    );
  });

  test('markdown is a digest with links to the page, the commit and the pull request', async () => {
    const run = await announce(['--from', repo.merge, '--format', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## [Inbox search](https://handbook.acme.test/features/inbox-search/): Internal Release → Beta Release');
    expect(run.stdout).toContain(`[${repo.squash.slice(0, 7)}](https://github.com/acme/handbook/commit/${repo.squash}) by Dana Lee in [#13](https://github.com/acme/handbook/pull/13)`);
    expect(run.stdout).toContain('- **Alicia Carney (Growth)**: Organise the beta customers.');
  });

  test('slack is one Block Kit message with a Markdown text for Mattermost and Rocket.Chat', async () => {
    const run = await announce(['--from', repo.base, '--format', 'slack']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const message = JSON.parse(lines[0]!) as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'divider', 'section', 'context', 'divider', 'section', 'context']);
    expect(message.blocks[1]!.text!.text).toContain('*<https://handbook.acme.test/features/reply-drafts/|Reply drafts>*: Development → *Internal Release*');
    expect(message.blocks[1]!.text!.text).toContain('• *Gary McGrath (Support)*: Enable the flag');
    expect(message.text).toContain('[Inbox search](https://handbook.acme.test/features/inbox-search/)');
  });

  test('a title cannot ping a channel or inject Slack markup', async () => {
    const dir = tempDir('shiplog-announce-hostile-');
    execFileSync('git', ['clone', '-q', repo.dir, dir], { env: gitEnv });
    const page = `${dir}/content/features/tag-colours.mdx`;
    const text = (await import('node:fs')).readFileSync(page, 'utf8').replace('title: Tag colours', 'title: "<!channel> @here *bold* [x](y)"');
    (await import('node:fs')).writeFileSync(page, text.replace('stage: development', 'stage: development\n# moved'));
    // A new feature page with that title, so it is a transition.
    (await import('node:fs')).writeFileSync(`${dir}/content/features/hostile.mdx`, text);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Hostile title');
    const slack = await announce(['--from', 'HEAD~1', '--format', 'slack'], dir);
    const message = JSON.parse(slack.stdout) as { text: string; blocks: { text?: { text: string } }[] };
    expect(message.blocks[1]!.text!.text).toContain('&lt;!channel&gt; @\u200bhere');
    expect(JSON.stringify(message)).not.toContain('<!channel>');
    expect(message.text).toContain('\\<!channel\\> @\u200bhere \\*bold\\* \\[x\\](y)');
  });

  test('nothing changed stage: exit 0 and says so', async () => {
    const run = await announce(['--from', repo.squash]);
    expect(run).toEqual({ status: 0, stdout: `No stage changes from ${repo.squash.slice(0, 7)} to ${repo.rename.slice(0, 7)}.\n`, stderr: '' });
  });

  test('exit 2 with one line: no --from, an unknown ref, a range that is not one (force-push), a bad format', async () => {
    expect(await announce([])).toMatchObject({ status: 2, stderr: 'announce: --from REF is required (the commit before the changes to announce, e.g. --from HEAD~1)\n' });
    expect(await announce(['--from', 'no-such-ref'])).toMatchObject({ status: 2, stderr: 'announce: --from no-such-ref is not a commit in this repository: fetch it first, or check its spelling\n' });
    const backwards = await announce(['--from', repo.rename, '--to', repo.base]);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toMatch(/^announce: --from \w+ is not an ancestor of --to \w+ \(history was rewritten, e\.g\. by a force-push\)/);
    expect((await announce(['--from', repo.base, '--format', 'xml'])).stderr).toBe('announce: --format must be text, json, markdown or slack, not "xml"\n');
    expect((await announce(['--from', repo.base, '--post', 'file:///etc/passwd'])).status).toBe(2);
  });

  test('in a shallow clone: a --from outside it is exit 2 saying which fetch to run', async () => {
    const dir = tempDir('shiplog-announce-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, dir], { env: gitEnv });
    const run = await announce(['--from', repo.base], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`announce: --from ${repo.base} is not in this shallow clone: fetch more history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)\n`);
  });
});

/** A webhook on 127.0.0.1 that answers each request with the next of `answers` (then 200). */
async function webhook(answers: { status: number; headers?: Record<string, string> }[]): Promise<{ url: string; received: { body: string; at: number; status: number }[]; close(): Promise<void> }> {
  const received: { body: string; at: number; status: number }[] = [];
  const queue = [...answers];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const answer = queue.shift() ?? { status: 200 };
      received.push({ body, at: Date.now(), status: answer.status });
      response.writeHead(answer.status, answer.headers ?? {});
      response.end(answer.status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/services/T000/B000/SECRET-TOKEN`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** announce --post in-process, with short backoffs so the test does not wait seconds per retry. */
async function post(url: string, extra: string[] = []) {
  const io = collectingIo(repo.dir, env);
  const status = await runCommand('announce', (args, i) => announceCommand(args, i, { backoffMs: 20, timeoutMs: 2000 }), ['--from', repo.base, '--post', url, ...extra], io);
  return { status, ...io.out };
}

describe('announce --post', () => {
  test('500 then 200: one retry, one message, exit 0', async () => {
    const hook = await webhook([{ status: 500 }]);
    try {
      const run = await post(hook.url);
      expect(run.status).toBe(0);
      expect(hook.received.map((r) => r.status)).toEqual([500, 200]);
      expect(hook.received[0]!.body).toBe(hook.received[1]!.body);
      const message = JSON.parse(hook.received[1]!.body) as { blocks: unknown[] };
      expect(message.blocks).toHaveLength(9);
      expect(run.stderr).toBe(`announce: 127.0.0.1:${new URL(hook.url).port} answered HTTP 500 Internal Server Error; retrying in 0.0 s\nannounce: posted 3 stage changes to 127.0.0.1:${new URL(hook.url).port} in 1 message\n`);
      // The webhook's address is a secret: only its host is ever printed.
      expect(run.stdout + run.stderr).not.toContain('SECRET-TOKEN');
    } finally {
      await hook.close();
    }
  });

  test('429 with Retry-After: 1 waits a second, then posts once', async () => {
    const hook = await webhook([{ status: 429, headers: { 'retry-after': '1' } }]);
    try {
      const run = await post(hook.url);
      expect(run.status).toBe(0);
      expect(hook.received.map((r) => r.status)).toEqual([429, 200]);
      expect(hook.received[1]!.at - hook.received[0]!.at).toBeGreaterThanOrEqual(950);
      expect(run.stderr).toContain('answered HTTP 429 Too Many Requests; retrying in 1.0 s');
    } finally {
      await hook.close();
    }
  });

  test('404: no retry, exit 2 with the HTTP status, nothing else posted', async () => {
    const hook = await webhook([{ status: 404 }]);
    try {
      const run = await post(hook.url, ['--format', 'json']);
      expect(run.status).toBe(2);
      expect(hook.received.map((r) => r.status)).toEqual([404]);
      expect(run.stderr).toBe(`announce: posting failed: 127.0.0.1:${new URL(hook.url).port} answered HTTP 404 Not Found, which a retry cannot fix (not retried): check the webhook address\n`);
      // The report was still printed, and stdout holds only it.
      expect(JSON.parse(run.stdout)).toHaveProperty('transitions');
    } finally {
      await hook.close();
    }
  });

  test('5xx every time: gives up after four attempts, exit 2 naming the status', async () => {
    const hook = await webhook([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    try {
      const run = await post(hook.url);
      expect(run.status).toBe(2);
      expect(hook.received).toHaveLength(4);
      expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`announce: posting failed: gave up after 4 attempts: 127.0.0.1:${new URL(hook.url).port} answered HTTP 503 Service Unavailable`);
    } finally {
      await hook.close();
    }
  });

  test('network errors are retried, and a failed post changes no content', async () => {
    // A port nobody listens on: connection refused on every attempt.
    const hook = await webhook([]);
    const url = hook.url;
    await hook.close();
    const before = git(repo.dir, 'status', '--porcelain');
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    const run = await post(url);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); retrying/);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/^announce: posting failed: gave up after 4 attempts: could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
    expect(git(repo.dir, 'status', '--porcelain')).toBe(before);
    expect(git(repo.dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  test('never posts a transition twice: one run, one accepted message per transition', async () => {
    const hook = await webhook([{ status: 502 }, { status: 429, headers: { 'retry-after': '0' } }]);
    try {
      const run = await post(hook.url);
      expect(run.status).toBe(0);
      const accepted = hook.received.filter((r) => r.status === 200);
      expect(accepted).toHaveLength(1);
      const features = (JSON.parse(accepted[0]!.body) as { blocks: { type: string; text?: { text: string } }[] }).blocks
        .filter((b) => b.type === 'section')
        .map((b) => /features\/([a-z-]+)\//.exec(b.text!.text)![1]);
      expect(features).toEqual(['reply-drafts', 'scheduled-replies', 'inbox-search']);
    } finally {
      await hook.close();
    }
  });
});
