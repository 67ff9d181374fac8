import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { featureFolderHistory, type Git } from '../../src/cli/git.ts';
import { changesBetween, featureHistories, pullRequestNumber, readSnapshot, stageTransitions } from '../../src/views/history.ts';
import { git, gitEnv, removeTempDirs, tempDir } from '../helpers/repo.ts';
import { makeHistoryRepo, type HistoryRepo } from './history-repo.ts';

/**
 * The history view over real git history: one walk of content/features/,
 * renames followed, pull requests from merge and squash titles, and a
 * shallow clone that says its history is partial. The pure parts are pinned
 * on texts too.
 */

const ORDER = ['development', 'internal', 'beta', 'public'];
const gitIo: Git = { env: gitEnv };
let repo: HistoryRepo;
beforeAll(async () => {
  repo = await makeHistoryRepo();
});
afterAll(removeTempDirs);

const histories = async (dir: string, ids: string[]) => featureHistories(await featureFolderHistory(gitIo, dir, 'content/features', ['HEAD']), ids, ORDER);

describe('pullRequestNumber', () => {
  test('reads merge commits and squash titles, nothing else', () => {
    expect(pullRequestNumber('Merge pull request #123 from acme/branch')).toBe(123);
    expect(pullRequestNumber('Move snoozing to beta (#45)')).toBe(45);
    expect(pullRequestNumber('Move snoozing to beta (#45) ')).toBe(45);
    expect(pullRequestNumber('Fix #45 in the middle')).toBeNull();
    expect(pullRequestNumber('Merge branch main')).toBeNull();
    expect(pullRequestNumber('Huge (#99999999999999999999)')).toBeNull();
  });
});

describe('changesBetween', () => {
  const page = (yaml: string) => readSnapshot(`---\ntitle: T\n${yaml}---\nBody\n`)!;
  test('stage, dates in stage order, approvals removed then added; an approval re-dated is one of each', () => {
    const before = page('stage: internal\ndates: { development: 2026-08-01, internal: 2026-09-01 }\napprovers:\n  - { person: gary, stage: internal, date: 2026-08-30 }\n');
    const after = page('stage: beta\ndates: { development: 2026-08-02, internal: 2026-09-01, beta: 2026-10-01 }\napprovers:\n  - { person: gary, stage: internal, date: 2026-08-31 }\n');
    expect(changesBetween(before, after, ORDER)).toEqual([
      { kind: 'stage', from: 'internal', to: 'beta' },
      { kind: 'date', stage: 'development', from: '2026-08-01', to: '2026-08-02' },
      { kind: 'date', stage: 'beta', from: null, to: '2026-10-01' },
      { kind: 'approval', change: 'removed', approval: { person: 'gary', stage: 'internal', date: '2026-08-30' } },
      { kind: 'approval', change: 'added', approval: { person: 'gary', stage: 'internal', date: '2026-08-31' } },
    ]);
  });
  test('a new page is a stage change from nothing; an unreadable page has no snapshot', () => {
    expect(changesBetween(undefined, page('stage: development\n'), ORDER)).toEqual([{ kind: 'stage', from: null, to: 'development' }]);
    expect(readSnapshot('no frontmatter')).toBeUndefined();
    expect(readSnapshot('---\n: [\n---\n')).toBeUndefined();
  });
});

describe('featureHistories over a real repository', () => {
  test('one walk: the merge commit and the squash commit carry their pull requests', async () => {
    const all = await histories(repo.dir, ['reply-drafts', 'inbox-search', 'scheduled-replies']);
    const [moved] = all.get('reply-drafts')!.events;
    expect(moved!.commit).toMatchObject({ sha: repo.merge, pr: 12, author: 'Shiplog Test' });
    expect(moved!.changes[0]).toEqual({ kind: 'stage', from: 'development', to: 'internal' });
    expect(all.get('inbox-search')!.events[0]!.commit).toMatchObject({ sha: repo.squash, pr: 13, author: 'Dana Lee' });
    expect(all.get('scheduled-replies')!.events.map((e) => e.changes[0])).toEqual([{ kind: 'stage', from: null, to: 'development' }]);
  });

  test('a renamed page keeps its history, and renamed twice still does', async () => {
    const dir = tempDir('shiplog-history-rename-');
    execFileSync('git', ['clone', '-q', repo.dir, dir], { env: gitEnv });
    git(dir, 'mv', 'content/features/tag-colours.mdx', 'content/features/tag-palette.mdx');
    git(dir, 'commit', '-q', '-m', 'Rename again (#14)');
    const history = (await histories(dir, ['tag-palette'])).get('tag-palette')!;
    expect(history.events.map((e) => e.changes.map((c) => c.kind))).toEqual([['renamed'], ['renamed'], ['stage', 'date']]);
    expect(history.events[0]!.changes).toEqual([{ kind: 'renamed', from: 'tag-colours' }]);
    expect(history.events[1]!.changes).toEqual([{ kind: 'renamed', from: 'tag-colors' }]);
    expect(history.partialBefore).toBeUndefined();
    // The old name is not a feature of its own any more.
    expect((await histories(dir, ['tag-colors'])).get('tag-colors')!.events).toEqual([]);
  });

  test('a page deleted and created again under the same name starts a new history', async () => {
    const dir = tempDir('shiplog-history-recreate-');
    execFileSync('git', ['clone', '-q', repo.dir, dir], { env: gitEnv });
    const text = execFileSync('git', ['show', 'HEAD:content/features/tag-colours.mdx'], { cwd: dir, encoding: 'utf8' });
    git(dir, 'rm', '-q', 'content/features/tag-colours.mdx');
    git(dir, 'commit', '-q', '-m', 'Drop tag colours');
    execFileSync('sh', ['-c', `cat > content/features/tag-colours.mdx`], { cwd: dir, input: text });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Bring tag colours back');
    const history = (await histories(dir, ['tag-colours'])).get('tag-colours')!;
    expect(history.events.map((e) => e.commit.subject)).toEqual(['Bring tag colours back']);
  });

  test('a shallow clone says the history is partial instead of inventing creations', async () => {
    const dir = tempDir('shiplog-history-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${repo.dir}`, dir], { env: gitEnv });
    const all = await histories(dir, ['inbox-search', 'bulk-tagging', 'tag-colours']);
    // Depth 3: the rename, the squash and the merge, which is the boundary. The squash's move is
    // history (its parent is there); the page's older life is not.
    const inbox = all.get('inbox-search')!;
    expect(inbox.events.map((e) => e.commit.sha)).toEqual([repo.squash]);
    expect(inbox.events[0]!.changes[0]).toEqual({ kind: 'stage', from: 'internal', to: 'beta' });
    expect(inbox.partialBefore).toBeDefined();
    // Untouched in the clone's commits: nothing known but that the history is cut.
    expect(all.get('bulk-tagging')!.events).toEqual([]);
    expect(all.get('bulk-tagging')!.partialBefore).toBeDefined();
    // The full clone has no such mark.
    expect((await histories(repo.dir, ['bulk-tagging'])).get('bulk-tagging')!.partialBefore).toBeUndefined();
    expect(stageTransitions(all.values()).map((t) => t.feature)).toEqual(['inbox-search']);
  });
});
