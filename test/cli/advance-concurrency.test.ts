import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { advanceCommand } from '../../src/cli/advance.ts';
import { ConcurrentChangeError, replaceFileIfUnchanged } from '../../src/cli/atomic-write.ts';
import type { CommandIo } from '../../src/cli/io.ts';
import { FIXTURE_TODAY, makeRepo, removeTempDirs, runScript, tempDir, type Repo } from '../helpers/repo.ts';

afterAll(removeTempDirs);

/**
 * advance must never lose someone else's change: when the page changes
 * between advance's read and its write (another advance run, an editor's
 * save), it refuses with exit 1 and writes nothing.
 */

let output: string[];
/** An io in the repository whose stdout chunks land in `output`, one entry per write. */
const ioIn = (repo: Repo): CommandIo => ({
  cwd: repo.dir,
  env: { NO_COLOR: '1' },
  stdout: { write: (chunk: string) => output.push(chunk) },
  stderr: { write: (chunk: string) => output.push(chunk) },
});
beforeEach(() => {
  output = [];
});

const toBeta = (repo: Repo, ...approvers: string[]) => [
  'inbox-search',
  'beta',
  ...approvers.flatMap((a) => ['--approver', a]),
  '--content',
  repo.content,
  '--today',
  FIXTURE_TODAY,
];

/** Files other than the pages themselves (temporary files, lock files) left in the features folder. */
const leftovers = (repo: Repo) => readdirSync(path.join(repo.content, 'features')).filter((name) => name.startsWith('.'));

describe('advance: a change made while it works is never lost', () => {
  test("an editor's save between advance's read and its write: exit 1, nothing written, the save intact", async () => {
    const repo = makeRepo();
    const file = repo.feature('inbox-search');
    const saved = `${readFileSync(file, 'utf8')}\nA line an editor saved while advance ran.\n`;
    const status = await advanceCommand(toBeta(repo, 'gary-mcgrath', 'alicia-carney@2026-11-19'), ioIn(repo), {
      beforeWrite: () => writeFileSync(file, saved),
    });
    expect(status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(saved);
    // The page is shown relative to the io's working directory, the repository.
    expect(output.join('')).toMatch(/Refused: content\/features\/inbox-search\.mdx changed while advance was working \(.*\); nothing was written\./);
    expect(output.join('')).not.toContain('Moved');
    expect(leftovers(repo)).toEqual([]);
  });

  test('two overlapping advance runs: the second to write refuses, and the first one\'s approvals stay', async () => {
    const repo = makeRepo();
    const file = repo.feature('inbox-search');
    let inner: number | undefined;
    const outer = await advanceCommand(toBeta(repo, 'gary-mcgrath', 'alicia-carney@2026-11-19'), ioIn(repo), {
      // The other run starts after this one read the page and finishes before it writes.
      beforeWrite: () => {
        inner = undefined;
        void advanceCommand(toBeta(repo, 'gary-mcgrath@2026-11-20', 'james-doman-pipe@2026-11-20'), ioIn(repo)).then((status) => (inner = status));
      },
    });
    // advanceCommand does its work synchronously; the promise is already settled.
    await Promise.resolve();
    expect(inner).toBe(0);
    expect(outer).toBe(1);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('  - person: james-doman-pipe\n    stage: beta\n    date: 2026-11-20\n');
    expect(after).not.toContain('alicia-carney');
    expect(output.filter((chunk) => chunk.includes('Moved inbox-search'))).toHaveLength(1);
    expect(leftovers(repo)).toEqual([]);
    expect((await runScript('validate', ['--today', FIXTURE_TODAY], repo.dir)).status).toBe(0);
  });

  test('a lock held by another writer refuses; a lock left by a run that died long ago does not block', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'page.mdx');
    writeFileSync(file, 'old\n');
    const lock = path.join(dir, '.page.mdx.lock');
    writeFileSync(lock, '');
    expect(() => replaceFileIfUnchanged(file, 'old\n', 'new\n')).toThrow(ConcurrentChangeError);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, longAgo, longAgo);
    replaceFileIfUnchanged(file, 'old\n', 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['page.mdx']);
  });

  test('the comparison is by bytes: a changed file is not replaced', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'page.mdx');
    writeFileSync(file, 'changed\n');
    expect(() => replaceFileIfUnchanged(file, 'old\n', 'new\n')).toThrow(ConcurrentChangeError);
    expect(readFileSync(file, 'utf8')).toBe('changed\n');
    expect(readdirSync(dir)).toEqual(['page.mdx']);
  });
});

describe('advance on a symlinked page', () => {
  test('edits the file the link points to; the link stays a link', async () => {
    const repo = makeRepo();
    const link = repo.feature('reply-drafts');
    // Inside the content root: the loader refuses links that lead outside it.
    const elsewhere = path.join(repo.content, 'shared-pages');
    mkdirSync(elsewhere);
    const target = path.join(elsewhere, 'reply-drafts.mdx');
    renameSync(link, target);
    symlinkSync(path.relative(path.dirname(link), target), link);
    const before = readFileSync(target, 'utf8');
    const run = await runScript('advance', ['reply-drafts', 'internal', '--today', FIXTURE_TODAY], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(target));
    const after = readFileSync(target, 'utf8');
    expect(after).toBe(before.replace('stage: development\n', 'stage: internal\n').replace('  development: 2026-10-01  # kick-off\n', `  development: 2026-10-01  # kick-off\n  internal: ${FIXTURE_TODAY}\n`));
    expect(readdirSync(elsewhere)).toEqual(['reply-drafts.mdx']);
  });
});

describe('advance keeps a comment after a flow-style value', () => {
  test('dates: { ... }  # note keeps its note', async () => {
    const repo = makeRepo();
    repo.edit('features/reply-drafts.mdx', 'dates:\n  development: 2026-10-01  # kick-off\n', 'dates: { development: 2026-10-01 }  # kick-off was late\n');
    const run = await runScript('advance', ['reply-drafts', 'internal', '--today', FIXTURE_TODAY], repo.dir);
    expect(run.status).toBe(0);
    expect(repo.read('features/reply-drafts.mdx')).toContain(`stage: internal\nflag: 'reply-drafts'\ndates:  # kick-off was late\n  development: 2026-10-01\n  internal: ${FIXTURE_TODAY}\n\napprovers:\n`);
  });
});
