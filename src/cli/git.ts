import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../engine/load.ts';
import type { Environment } from './io.ts';

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
  const texts = new Map<string, string>();
  if (paths.length === 0) return texts;
  const result = await runGit(git, repo, ['cat-file', '--batch'], paths.map((p) => `${commit}:${p}\n`).join(''));
  if (result.code !== 0) throw new UsageError(`git cat-file failed at ${commit.slice(0, 12)}: ${firstLine(result.stderr)}`);
  const out = result.stdout;
  let at = 0;
  for (const file of paths) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) break;
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    // "<object> missing" for a path not in the commit; else "<object> <type> <size>".
    const match = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[2]);
    if (match[1] === 'blob') texts.set(file, out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
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
