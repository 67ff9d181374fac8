import { execFileSync } from 'node:child_process';
import { runInProcess } from '../helpers/cli.ts';
import { FIXTURE_TODAY, git, gitEnv, makeRepo, type Repo } from '../helpers/repo.ts';

/**
 * A real repository with a history to read: the pull-request fixture on
 * `main`, then process.yaml's announce lists (a squash commit, #10), a
 * branch that moves reply-drafts to Internal Release and starts a feature
 * (both with the CLI, in-process) merged with a merge commit (#12), a move of
 * inbox-search to Beta Release squashed into one commit by Dana Lee (#13),
 * and a rename of tag-colors to tag-colours. ticket-export (beta) and
 * inbox-search have target dates.
 */

export const ANNOUNCE_LISTS = `    announce:
      - role: support
        action: Enable the flag on the support instance and the internal instances; assign testers.
      - role: docs
        action: Prepare the self-service article.
      - role: everyone
        action: Available internally; expected publicly on the target date.
`;

export interface HistoryRepo extends Repo {
  /** main before any move: after the announce lists. */
  base: string;
  /** The merge commit of #12, the squash commit of #13, the rename. */
  merge: string;
  squash: string;
  rename: string;
}

const run = async (repo: Repo, name: 'advance' | 'new-feature', args: string[]) => {
  const result = await runInProcess(name, [...args, '--today', FIXTURE_TODAY], { cwd: repo.dir, env: { ...gitEnv, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} failed (${result.status}): ${result.stdout}${result.stderr}`);
};

const head = (repo: Repo) => git(repo.dir, 'rev-parse', 'HEAD').trim();

export async function makeHistoryRepo(): Promise<HistoryRepo> {
  const repo = makeRepo();
  repo.edit('process.yaml', '    staleAfterDays: 30\n', `    staleAfterDays: 30\n${ANNOUNCE_LISTS}`);
  repo.edit('process.yaml', '      approvals: [support, growth]\n    staleAfterDays: 60\n', '      approvals: [support, growth]\n    staleAfterDays: 60\n    announce:\n      - role: growth\n        action: Organise the beta customers.\n');
  repo.edit('features/ticket-export.mdx', 'stage: beta\n', 'stage: beta\ntarget: 2027-01-12\n');
  repo.commitAll('Say who must act when a feature enters a stage (#10)');
  const base = head(repo);

  git(repo.dir, 'checkout', '-q', '-b', 'move-features');
  await run(repo, 'advance', ['reply-drafts', 'internal']);
  repo.commitAll('Move reply drafts to Internal Release');
  await run(repo, 'new-feature', ['scheduled-replies', '--title', 'Scheduled replies', '--owner', 'marco-rossi']);
  repo.commitAll('Start scheduled replies');
  git(repo.dir, 'checkout', '-q', 'main');
  git(repo.dir, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from acme/move-features', 'move-features');
  const merge = head(repo);

  git(repo.dir, 'checkout', '-q', '-b', 'inbox-beta');
  await run(repo, 'advance', ['inbox-search', 'beta', '--approver', 'gary-mcgrath', '--approver', 'james-doman-pipe']);
  repo.edit('features/inbox-search.mdx', 'stage: beta\n', 'stage: beta\ntarget: 2026-12-15\n');
  repo.commitAll('WIP');
  git(repo.dir, 'checkout', '-q', 'main');
  git(repo.dir, 'merge', '-q', '--squash', 'inbox-beta');
  execFileSync('git', ['commit', '-q', '-m', 'Move inbox search to Beta Release (#13)'], {
    cwd: repo.dir,
    env: { ...gitEnv, GIT_AUTHOR_NAME: 'Dana Lee', GIT_AUTHOR_EMAIL: 'dana@example.com' },
  });
  const squash = head(repo);

  git(repo.dir, 'mv', 'content/features/tag-colors.mdx', 'content/features/tag-colours.mdx');
  repo.commitAll('Rename tag-colors to tag-colours');
  const rename = head(repo);
  return { ...repo, base, merge, squash, rename };
}
