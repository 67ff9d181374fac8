import { UsageError } from '../engine/load.ts';
import { readYaml } from '../engine/yaml-reader.ts';
import { processSchema, teamSchema, type Process, type Team } from '../engine/schemas/index.ts';
import { parseSettings, settingsFromEnvironment } from '../sites/integration/settings.ts';
import {
  announcementExtras,
  announcementJson,
  announcementMarkdown,
  announcementsFor,
  announcementText,
  shortSha,
  slackMessages,
  type AnnounceContext,
  type AnnouncementReport,
} from '../views/announcements.ts';
import { changesBetween, featureHistories, readSnapshot, type StageTransition } from '../views/history.ts';
import { featureFolderHistory, folderDiff, gitTopLevel, isAncestor, isShallow, readBlobs, readFiles, repoPath, runGit, type Git } from './git.ts';
import { envOf, type CommandIo } from './io.ts';
import { contentRootOf, parse } from './options.ts';
import { PostFailed, postJson, webhookHost, type PostOptions } from './webhook.ts';

const usage = `Usage: npm run announce -- --from REF [--to REF] [--format text|json|markdown|slack] [--post URL] [--content DIR]

The stage transitions between two commits (--to defaults to HEAD), each with
the people who must act and what they must do, from the "announce" lists of
process.yaml (as it is at --to) and the roles in team.yaml. A new feature
counts as a transition from nothing. --from must be an ancestor of --to.
  --format   text (default), json (cli.md), markdown (a digest to paste or
             mail), slack (incoming-webhook JSON with Block Kit; also read by
             Mattermost and Rocket.Chat; one JSON document per line when more
             than 15 transitions need several messages)
  --post URL send the slack payload to that webhook: 10 s timeout, retries
             with backoff on network errors, 429 (after Retry-After) and 5xx
Links use SHIPLOG_INTERNAL_URL (feature pages) and SHIPLOG_REPO_URL (commits).
Exit: 0 printed (also when nothing changed stage), 2 a ref cannot be read or
the post finally failed.
`;

const FORMATS = ['text', 'json', 'markdown', 'slack'] as const;
type AnnounceFormat = (typeof FORMATS)[number];

/** `npm run announce`: see cli.md. `postOptions` is the tests' seam for shorter waits. */
export async function announceCommand(args: string[], io: CommandIo, postOptions: PostOptions = {}): Promise<number> {
  const { values } = parse(
    args,
    {
      from: { type: 'string' },
      to: { type: 'string', default: 'HEAD' },
      format: { type: 'string', default: 'text' },
      post: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format must be text, json, markdown or slack, not "${values.format}"`);
  const format = values.format as AnnounceFormat;
  if (values.from === undefined || values.from === '') throw new UsageError('--from REF is required (the commit before the changes to announce, e.g. --from HEAD~1)');
  if (values.post !== undefined && !/^https?:\/\//i.test(values.post)) throw new UsageError('--post must be an http:// or https:// webhook address');
  if (values.post !== undefined) {
    try {
      new URL(values.post);
    } catch {
      throw new UsageError('--post is not a valid address');
    }
  }
  const root = contentRootOf(io, values.content);
  const env = envOf(io);
  const git: Git = { env };
  const repo = await gitTopLevel(git, root);
  const shallow = await isShallow(git, repo);
  const from = await commitOf(git, repo, '--from', values.from, shallow);
  const to = await commitOf(git, repo, '--to', values.to, shallow);
  if (!(await isAncestor(git, repo, from, to))) {
    throw new UsageError(`--from ${values.from} is not an ancestor of --to ${values.to} (history was rewritten, e.g. by a force-push): there is no range of changes to announce`);
  }

  const contentPath = repoPath(repo, root);
  const inContent = (name: string) => (contentPath === '' ? name : `${contentPath}/${name}`);
  const { process, team } = await processAt(git, repo, to, values.to, inContent);
  const transitions = await transitionsBetween(git, repo, from, to, inContent('features'), process);

  const report: AnnouncementReport = { from: shortSha(from), to: shortSha(to), transitions: announcementsFor(transitions, process, team) };
  const settings = parseSettings(settingsFromEnvironment('internal', env));
  const context: AnnounceContext = { process, team, repoUrl: settings.repoUrl, internalUrl: settings.internalUrl };
  const extras = announcementExtras(transitions);
  const messages = slackMessages(report, context, extras);
  if (format === 'json') io.stdout.write(announcementJson(report));
  else if (format === 'markdown') io.stdout.write(announcementMarkdown(report, context, extras));
  else if (format === 'slack') io.stdout.write(messages.map((message) => `${JSON.stringify(message)}\n`).join(''));
  else io.stdout.write(announcementText(report, context, extras));

  if (values.post === undefined) return 0;
  const host = webhookHost(values.post);
  if (messages.length === 0) {
    io.stderr.write(`announce: nothing to announce, nothing posted to ${host}\n`);
    return 0;
  }
  let posted = 0;
  for (const message of messages) {
    try {
      await postJson(values.post, message, {
        ...postOptions,
        onRetry: (why, waitMs) => io.stderr.write(`announce: ${why}; retrying in ${(waitMs / 1000).toFixed(1)} s\n`),
      });
    } catch (error) {
      if (!(error instanceof PostFailed)) throw error;
      const done = posted > 0 ? ` (${posted} of ${messages.length} messages were posted before)` : '';
      io.stderr.write(`announce: posting failed: ${error.message}${done}\n`);
      return 2;
    }
    posted++;
  }
  const count = report.transitions.length;
  io.stderr.write(`announce: posted ${count} stage change${count === 1 ? '' : 's'} to ${host} in ${posted} message${posted === 1 ? '' : 's'}\n`);
  return 0;
}

/** The commit a ref names, or a UsageError that says how to get it. */
async function commitOf(git: Git, repo: string, flag: string, ref: string, shallow: boolean): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`${flag} must name a branch, tag or commit, not "${ref}"`);
  const result = await runGit(git, repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (result.code === 0) return result.stdout.toString('utf8').trim();
  throw new UsageError(
    shallow
      ? `${flag} ${ref} is not in this shallow clone: fetch more history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`
      : `${flag} ${ref} is not a commit in this repository: fetch it first, or check its spelling`,
  );
}

/** process.yaml and team.yaml as they are at `commit`: who must act is decided by the process of the commit announced. */
async function processAt(git: Git, repo: string, commit: string, ref: string, inContent: (name: string) => string): Promise<{ process: Process; team: Team }> {
  const texts = await readFiles(git, repo, commit, [inContent('process.yaml'), inContent('team.yaml')]);
  const parsed = <T>(name: string, read: (data: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T => {
    const text = texts.get(inContent(name));
    if (text === undefined) throw new UsageError(`${inContent(name)} does not exist at ${ref}: announce reads who must act from it`);
    let data: unknown;
    try {
      data = readYaml(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UsageError(`${inContent(name)} at ${ref} is not valid YAML (${(error as Error).message.split('\n')[0]}): run npm run validate`);
    }
    const result = read(data);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UsageError(`${inContent(name)} at ${ref} does not load (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}): run npm run validate`);
    }
    return result.data;
  };
  const process = parsed<Process>('process.yaml', (data) => processSchema.safeParse(data));
  const team = parsed<Team>('team.yaml', (data) => teamSchema(process).safeParse(data));
  return { process, team };
}

/**
 * The stage of every feature page at `from` against `to` (renames followed):
 * each page whose stage differs is a transition. Its commit is the newest
 * commit of the range that moved the page to that stage, found in one walk
 * of the range; its title, dates and target are the page's at `to`.
 */
async function transitionsBetween(git: Git, repo: string, from: string, to: string, folder: string, process: Process): Promise<StageTransition[]> {
  const changes = (await folderDiff(git, repo, from, to, folder)).filter((change) => change.name.endsWith('.mdx') && change.newBlob !== undefined);
  const blobs = await readBlobs(git, repo, changes.flatMap((change) => [change.oldBlob, change.newBlob].filter((id): id is string => id !== undefined)));
  const stageOrder = process.stages.map((stage) => stage.id);
  const moved = changes.flatMap((change) => {
    const after = readSnapshot(blobs.get(change.newBlob!) ?? '');
    if (!after?.stage) return [];
    const beforeText = change.oldBlob === undefined ? undefined : blobs.get(change.oldBlob);
    const before = beforeText === undefined ? undefined : readSnapshot(beforeText);
    // A page whose old version cannot be read is not announced again as new: its stage is unknown, not absent.
    if (beforeText !== undefined && !before) return [];
    const stage = changesBetween(before, after, stageOrder).find((c) => c.kind === 'stage');
    return stage && stage.kind === 'stage' ? [{ id: change.name.slice(0, -'.mdx'.length), from: stage.from, to: stage.to, after }] : [];
  });
  if (moved.length === 0) return [];

  const walk = await featureFolderHistory(git, repo, folder, [`${from}..${to}`]);
  const histories = featureHistories(walk, moved.map((m) => m.id), stageOrder);
  const newest = walk[0]?.commit;
  const transitions = moved.map((m): StageTransition => {
    const events = histories.get(m.id)?.events ?? [];
    const event =
      events.find((e) => e.changes.some((c) => c.kind === 'stage' && c.to === m.to)) ??
      // The walk follows first parents; a stage reached only through another parent is attributed to the newest change.
      events[0];
    const commit = event?.commit ?? newest ?? { sha: to, author: '', date: new Date(0).toISOString(), subject: '', pr: null };
    return { feature: m.id, from: m.from, to: m.to, commit, snapshot: m.after, order: event?.order ?? 0 };
  });
  // In the order they happened: the walk's, oldest first (commits of one second share a date).
  return transitions.sort((a, b) => b.order - a.order || a.feature.localeCompare(b.feature));
}
