import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURE_TODAY, fixturesDir } from './validate.ts';
import { runInProcess, type Run } from './cli.ts';

/**
 * Real git repositories in temporary folders, holding a copy of the
 * pull-request fixture's content root, and the commands run in them as a
 * person runs them (in a working directory, through runCommand), but in the
 * test's own process.
 */

export { FIXTURE_TODAY, fixturesDir };

export const fixtureContent = path.join(fixturesDir, 'pr/content');

const temporaryDirs: string[] = [];

export function tempDir(prefix = 'shiplog-pr-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// Fixed identity and no user or system config, so a developer's git settings
// (signing, hooks, default branch) cannot change what the tests see.
export const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Shiplog Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Shiplog Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Repo {
  dir: string;
  content: string;
  /** Absolute path of a feature page. */
  feature(id: string): string;
  read(relative: string): string;
  write(relative: string, text: string): void;
  /** Replaces `from` (which must occur) in a file under the content root. */
  edit(relative: string, from: string, to: string): void;
  commitAll(message: string): void;
}

/** A repository on `main` whose first commit is the fixture's content root, at `content/`. */
export function makeRepo(): Repo {
  const dir = tempDir();
  // A copy of one repository made per test file: three git processes fewer per test.
  cpSync(templateRepo(), dir, { recursive: true });
  return repoAt(dir);
}

/** The same with a branch `pr` checked out from main: the pull request. */
export function pullRequest(): Repo {
  const repo = makeRepo();
  git(repo.dir, 'checkout', '-q', '-b', 'pr');
  return repo;
}

let template: string | undefined;

function templateRepo(): string {
  // removeTempDirs (after each file) removes it too; the next file makes it again.
  if (template !== undefined && existsSync(template)) return template;
  const dir = tempDir('shiplog-pr-template-');
  cpSync(fixtureContent, path.join(dir, 'content'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'The content as on main');
  template = dir;
  return dir;
}

export function repoAt(dir: string): Repo {
  const content = path.join(dir, 'content');
  const repo: Repo = {
    dir,
    content,
    feature: (id) => path.join(content, 'features', `${id}.mdx`),
    read: (relative) => readFileSync(path.join(content, relative), 'utf8'),
    write: (relative, text) => writeFileSync(path.join(content, relative), text),
    edit(relative, from, to) {
      const text = repo.read(relative);
      if (!text.includes(from)) throw new Error(`${relative} does not contain ${JSON.stringify(from)}`);
      repo.write(relative, text.replace(from, to));
    },
    commitAll(message) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', message);
    },
  };
  return repo;
}

export type { Run };

/** `npm run NAME -- ARGS` in `cwd`, in-process; no colour, and git without the developer's own configuration. */
export function runScript(name: 'check-pr' | 'advance' | 'new-feature' | 'validate', args: readonly string[], cwd: string): Promise<Run> {
  return runInProcess(name, args, { cwd, env: { ...gitEnv, NO_COLOR: '1', FORCE_COLOR: '0' } });
}

export interface CheckPrJson {
  summary: { files: number; errors: number; warnings: number };
  diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string; hint: string }[];
  reviewers: { person: string; github: string | null; stage: string | null }[];
}

/** check-pr with --format json in the repository, as of the fixtures' today. */
export async function checkPr(repo: Repo, base = 'main', extra: readonly string[] = []): Promise<{ run: Run; json: CheckPrJson }> {
  const run = await runScript('check-pr', ['--base', base, '--format', 'json', '--today', FIXTURE_TODAY, ...extra], repo.dir);
  if (run.status === 2) throw new Error(`check-pr could not run: ${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) as CheckPrJson };
}

export const pullRequestRules = ['history-rewrite', 'approval-removed', 'stage-backward', 'process-changed'];
