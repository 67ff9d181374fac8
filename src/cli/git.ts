import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../engine/load.ts';
import type { Environment } from './io.ts';
import { pullRequestNumber, type HistoryCommit } from '../views/history.ts';

/**
 * The little of git that check-pr needs, run as `git` with an argument list
 * (never through a shell, so a ref or path can never be read as a command).
 * Every failure a person can fix becomes a UsageError (exit 2) whose one line
 * says how.
 */

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** The command's environment, for the git processes it starts (it runs with no other). */
export interface Git {
  env: Environment;
}

/** Runs git in `cwd`; resolves with its exit code instead of rejecting on a non-zero one. */
export function runGit(git: Git, cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      // Locale and pager would change what git prints; prompts would hang CI.
      { cwd, encoding: 'buffer', maxBuffer: 1 << 30, env: { ...git.env, LC_ALL: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new UsageError(
              (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed or not on PATH (check-pr needs git)' : `git could not run: ${error.message}`,
            ),
          );
          return;
        }
        resolve({ code: error ? (error.code as unknown as number) : 0, stdout, stderr: stderr.toString('utf8') });
      },
    );
    // git may exit before reading its input (e.g. a bad ref); its exit code says why, not EPIPE.
    child.stdin?.on('error', () => {});
    if (input === undefined) child.stdin?.end();
    else child.stdin?.end(input);
  });
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/** The working tree's top-level folder for a path inside it. */
export async function gitTopLevel(git: Git, dir: string): Promise<string> {
  const result = await runGit(git, dir, ['rev-parse', '--show-toplevel']);
  if (result.code !== 0) {
    throw new UsageError(`${dir} is not inside a git repository: check-pr compares the content with its git history, so run it in a clone (or pass --content DIR inside one)`);
  }
  return result.stdout.toString('utf8').trim();
}

export async function isShallow(git: Git, repo: string): Promise<boolean> {
  const result = await runGit(git, repo, ['rev-parse', '--is-shallow-repository']);
  return result.stdout.toString('utf8').trim() === 'true';
}

/** The commit a ref names, or a UsageError that says how to get it. */
export async function resolveCommit(git: Git, repo: string, ref: string, shallow: boolean): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`--base must name a branch, tag or commit, not "${ref}"`);
  const result = await runGit(git, repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (result.code === 0) return result.stdout.toString('utf8').trim();
  const remoteBranch = /^([^/]+)\/(.+)$/.exec(ref);
  const fetch = remoteBranch ? `git fetch ${remoteBranch[1]} ${remoteBranch[2]}` : 'git fetch origin';
  throw new UsageError(
    shallow
      ? `the base "${ref}" is not in this shallow clone: fetch it (${fetch}), or check out with full history (actions/checkout with fetch-depth: 0)`
      : `the base "${ref}" is not a commit in this repository: fetch it first (${fetch}), or check its spelling`,
  );
}

/** The merge base of `base` and HEAD: what the pull request is compared with. */
export async function mergeBase(git: Git, repo: string, ref: string, shallow: boolean): Promise<string> {
  const head = await runGit(git, repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) throw new UsageError('HEAD names no commit (an empty repository?): commit the content before running check-pr');
  const baseCommit = await resolveCommit(git, repo, ref, shallow);
  const result = await runGit(git, repo, ['merge-base', baseCommit, 'HEAD']);
  if (result.code === 0) return result.stdout.toString('utf8').trim();
  if (shallow) {
    throw new UsageError(
      `no merge base of "${ref}" and HEAD in this shallow clone: fetch more history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`,
    );
  }
  if (result.code === 1) throw new UsageError(`"${ref}" and HEAD share no history, so there is no merge base to compare with: pass the branch the pull request targets`);
  throw new UsageError(`git merge-base failed: ${firstLine(result.stderr)}`);
}

/** `dir` as a path inside the repository, with `/` separators ('' for the top level). */
export function repoPath(topLevel: string, dir: string): string {
  // git prints the top level with symlinks resolved; resolve the folder too so they compare.
  const relative = path.relative(realpathSync(topLevel), realpathSync(dir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UsageError(`${dir} is not inside the repository at ${topLevel}`);
  return relative.split(path.sep).join('/');
}

/** Names of the files directly inside `folder` (a repository path) at `commit`. */
export async function listFiles(git: Git, repo: string, commit: string, folder: string): Promise<string[]> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const result = await runGit(git, repo, ['ls-tree', '-z', '--full-tree', commit, '--', prefix === '' ? '.' : prefix]);
  if (result.code !== 0) throw new UsageError(`git ls-tree failed at ${commit.slice(0, 12)}: ${firstLine(result.stderr)}`);
  return result.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      // "<mode> <type> <object>\t<path>"
      const tab = line.indexOf('\t');
      const [, type] = line.slice(0, tab).split(' ');
      const file = line.slice(tab + 1);
      return type === 'blob' && file.startsWith(prefix) && !file.slice(prefix.length).includes('/') ? [file.slice(prefix.length)] : [];
    });
}

/**
 * The text of several files at one commit, read through one `git cat-file
 * --batch` so that a repository with hundreds of features costs one process.
 * Paths that do not exist there are left out.
 */
export async function readFiles(git: Git, repo: string, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  return catFileBatch(git, repo, paths, (p) => `${commit}:${p}`, `at ${commit.slice(0, 12)}`);
}

/**
 * Files under `folder` (a repository path) that git sees as renamed between
 * `commit` and the working tree: new name -> old name, both as names inside
 * `folder`. check-pr compares a renamed feature page with its old version,
 * so renaming the file (the id) is no way around the pull-request rules.
 * Untracked files are not seen; in CI everything is committed.
 */
export async function renamedFiles(git: Git, repo: string, commit: string, folder: string): Promise<Map<string, string>> {
  const prefix = folder === '' ? '' : `${folder}/`;
  // Run at the top level, so the paths git prints are repository paths; -z: no quoting of odd names.
  const result = await runGit(git, repo, ['diff', '--no-ext-diff', '--name-status', '-z', '-M', commit, '--', prefix === '' ? '.' : prefix]);
  if (result.code !== 0) throw new UsageError(`git diff failed at ${commit.slice(0, 12)}: ${firstLine(result.stderr)}`);
  const fields = result.stdout.toString('utf8').split('\0');
  const renames = new Map<string, string>();
  for (let i = 0; i < fields.length; ) {
    const status = fields[i] ?? '';
    if (status === '') break;
    // "R<score>\0old\0new" and "C<score>\0old\0new" carry two paths, every other status one.
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i + 1] ?? '';
      const to = fields[i + 2] ?? '';
      const inside = (file: string) => file.startsWith(prefix) && !file.slice(prefix.length).includes('/');
      if (status.startsWith('R') && inside(from) && inside(to)) renames.set(to.slice(prefix.length), from.slice(prefix.length));
      i += 3;
    } else {
      i += 2;
    }
  }
  return renames;
}

/** One file's change in a commit, as `git log --raw` or `git diff --raw` reports it (names inside the folder walked). */
export interface RawChange {
  /** A, M, D, T or R (a rename; `oldName` is then the name before). */
  status: string;
  name: string;
  oldName: string | undefined;
  /** Blob ids before and after; undefined on the side where the file does not exist. */
  oldBlob: string | undefined;
  newBlob: string | undefined;
}

/** A commit of a folder's history, with its changes to files directly inside the folder. */
export interface LoggedCommit {
  sha: string;
  author: string;
  /** Committer date, ISO 8601: when the commit landed on the walked line. */
  date: string;
  subject: string;
  /** A shallow clone's boundary: git shows it as adding every file, so its changes are not history. */
  boundary: boolean;
  changes: RawChange[];
}

const NO_BLOB = /^0+$/;

/**
 * Parses `--raw -z` records (":<mode> <mode> <old> <new> <status>\0<path>\0[<path>\0]")
 * starting at `tokens[at]`, keeping files directly inside `prefix`; returns where it stopped.
 */
function parseRaw(tokens: string[], at: number, prefix: string, changes: RawChange[]): number {
  const inside = (file: string) => file.startsWith(prefix) && !file.slice(prefix.length).includes('/');
  while (at < tokens.length) {
    const token = tokens[at]!.replace(/^\n/, '');
    if (token === '') {
      at++;
      continue;
    }
    if (!token.startsWith(':')) break;
    const [, , oldBlob, newBlob, status = ''] = token.slice(1).split(' ');
    const twoPaths = status.startsWith('R') || status.startsWith('C');
    const first = tokens[at + 1] ?? '';
    const second = twoPaths ? (tokens[at + 2] ?? '') : undefined;
    at += twoPaths ? 3 : 2;
    const name = second ?? first;
    if (!inside(name)) continue;
    const kind = status[0] ?? 'M';
    // A copy is a new file whose history starts here, and a rename from outside the folder an addition.
    const renamed = kind === 'R' && inside(first);
    changes.push({
      status: kind === 'C' || (kind === 'R' && !renamed) ? 'A' : kind,
      name: name.slice(prefix.length),
      oldName: renamed ? first.slice(prefix.length) : undefined,
      oldBlob: kind === 'C' || (kind === 'R' && !renamed) || !oldBlob || NO_BLOB.test(oldBlob) ? undefined : oldBlob,
      newBlob: !newBlob || NO_BLOB.test(newBlob) ? undefined : newBlob,
    });
  }
  return at;
}

/** The commits a shallow clone is cut at (empty for a full clone). */
export async function shallowBoundaries(git: Git, repo: string): Promise<Set<string>> {
  const result = await runGit(git, repo, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow']);
  if (result.code !== 0) return new Set();
  const file = result.stdout.toString('utf8').trim();
  try {
    return new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * The history of the files directly inside `folder` (a repository path) in
 * ONE `git log` walk, newest commit first: each commit with its changes to
 * those files, renames detected (-M), so that a caller can follow a file
 * under its old names without one `git log --follow` per file.
 *
 * The walk follows first parents and diffs a merge against its first parent:
 * on the main branch, a pull request's changes are those of its merge (or
 * squash) commit, whose message names the pull request. `revisions` are
 * what git log takes (`HEAD`, or `A..B`).
 */
export async function folderLog(git: Git, repo: string, folder: string, revisions: readonly string[]): Promise<LoggedCommit[]> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const result = await runGit(git, repo, [
    '-c',
    'log.showRoot=true',
    '-c',
    'core.quotePath=false',
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '-M',
    '--raw',
    '--no-abbrev',
    '-z',
    '--no-color',
    '--format=%x01%H%x00%an%x00%cI%x00%s%x00',
    '--end-of-options',
    ...revisions,
    '--',
    prefix === '' ? '.' : prefix,
  ]);
  if (result.code !== 0) {
    const why = firstLine(result.stderr);
    // An empty repository has no history: nothing to walk.
    if (/does not have any commits yet|bad default revision 'HEAD'/.test(why)) return [];
    throw new UsageError(`git log failed: ${why}`);
  }
  const boundaries = await shallowBoundaries(git, repo);
  const tokens = result.stdout.toString('utf8').split('\0');
  const commits: LoggedCommit[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at]!.replace(/^\n/, '');
    if (!token.startsWith('\x01')) {
      at++;
      continue;
    }
    const sha = token.slice(1);
    const commit: LoggedCommit = { sha, author: tokens[at + 1] ?? '', date: tokens[at + 2] ?? '', subject: tokens[at + 3] ?? '', boundary: boundaries.has(sha), changes: [] };
    at = parseRaw(tokens, at + 4, prefix, commit.changes);
    commits.push(commit);
  }
  return commits;
}

/** The files directly inside `folder` that differ between two commits, renames detected: one `git diff`. */
export async function folderDiff(git: Git, repo: string, from: string, to: string, folder: string): Promise<RawChange[]> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const result = await runGit(git, repo, ['-c', 'core.quotePath=false', 'diff', '--no-ext-diff', '--raw', '-M', '-z', '--no-abbrev', from, to, '--', prefix === '' ? '.' : prefix]);
  if (result.code !== 0) throw new UsageError(`git diff failed between ${from.slice(0, 12)} and ${to.slice(0, 12)}: ${firstLine(result.stderr)}`);
  const changes: RawChange[] = [];
  parseRaw(result.stdout.toString('utf8').split('\0'), 0, prefix, changes);
  return changes;
}

/** The text of blobs by id, through one `git cat-file --batch`; ids git does not have are left out. */
export async function readBlobs(git: Git, repo: string, ids: Iterable<string>): Promise<Map<string, string>> {
  return catFileBatch(git, repo, [...new Set(ids)], (id) => id, '');
}

/**
 * One `git cat-file --batch` for many objects: `keys` are what the caller
 * names them by, `object(key)` what git is asked for. Objects git does not
 * have, and objects that are not blobs, are left out of the answer.
 */
async function catFileBatch(git: Git, repo: string, keys: readonly string[], object: (key: string) => string, where: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (keys.length === 0) return texts;
  const result = await runGit(git, repo, ['cat-file', '--batch'], keys.map((key) => `${object(key)}\n`).join(''));
  if (result.code !== 0) throw new UsageError(`git cat-file failed${where ? ` ${where}` : ''}: ${firstLine(result.stderr)}`);
  const out = result.stdout;
  let at = 0;
  for (const key of keys) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) break;
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    // "<object> missing" for an object not there; else "<object> <type> <size>".
    const match = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[2]);
    if (match[1] === 'blob') texts.set(key, out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}

/** Whether `ancestor` is an ancestor of (or the same commit as) `commit`. */
export async function isAncestor(git: Git, repo: string, ancestor: string, commit: string): Promise<boolean> {
  const result = await runGit(git, repo, ['merge-base', '--is-ancestor', ancestor, commit]);
  if (result.code === 0) return true;
  if (result.code === 1) return false;
  throw new UsageError(`git merge-base failed: ${firstLine(result.stderr)}`);
}

/**
 * The history of a features folder (a repository path) as the history view
 * reads it (src/views/history.ts): one `git log` walk, then every version's
 * text through one `git cat-file --batch`. Two git processes whatever the
 * number of features.
 */
export async function featureFolderHistory(git: Git, repo: string, folder: string, revisions: readonly string[]): Promise<HistoryCommit[]> {
  const commits = await folderLog(git, repo, folder, revisions);
  const pages = (change: RawChange) => change.name.endsWith('.mdx');
  const blobs = await readBlobs(
    git,
    repo,
    commits.flatMap((commit) => (commit.boundary ? [] : commit.changes.filter(pages).flatMap((change) => [change.oldBlob, change.newBlob].filter((id): id is string => id !== undefined)))),
  );
  return commits.map((commit) => ({
    commit: { sha: commit.sha, author: commit.author, date: commit.date, subject: commit.subject, pr: pullRequestNumber(commit.subject) },
    boundary: commit.boundary,
    changes: commit.changes.filter(pages).map((change) => ({
      name: change.name,
      oldName: change.oldName,
      before: change.oldBlob === undefined ? undefined : blobs.get(change.oldBlob),
      after: change.newBlob === undefined ? undefined : blobs.get(change.newBlob),
    })),
  }));
}
