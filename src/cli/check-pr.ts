import { existsSync, lstatSync } from 'node:fs';
import { readContentFile } from '../engine/content-files.ts';
import path from 'node:path';
import {
  firstDifference,
  ownersAtBase,
  parseBaseFeatures,
  parseBaseProcess,
  pullRequestRuleIds,
  pullRequestSeverities,
  reviewersToRequest,
  type ProcessChange,
  type PullRequestBase,
  type Reviewer,
} from '../engine/base.ts';
import type { Diagnostic } from '../engine/finding.ts';
import { loadContent, UsageError, type LoadResult } from '../engine/load.ts';
import type { ContentFile } from '../engine/model.ts';
import type { SeveritySetting } from '../engine/schemas/index.ts';
import { processChangedFindings } from '../engine/rules/process-changed.ts';
import { rules as allRules } from '../engine/rules/index.ts';
import { LineIndex } from '../engine/source.ts';
import { validateLoaded } from '../engine/validate.ts';
import { parseSuppressions, SUPPRESSIONS_FILE, type Suppression } from '../engine/suppressions.ts';
import { gitTopLevel, isShallow, listFiles, mergeBase, readFiles, renamedFiles, repoPath, type Git } from './git.ts';
import { envOf, type CommandIo } from './io.ts';
import { checkFormat, checkToday, contentRootOf, parse, reportOptions, type Format } from './options.ts';
import { exitCodeFor, printReport } from './report.ts';
import { fetchTrackerState } from './tracker.ts';

const usage = `Usage: npm run check-pr -- --base REF [--content DIR] [--format text|json|github] [--today YYYY-MM-DD] [--online]

Everything validate does, plus the pull-request rules (history-rewrite,
approval-removed, stage-backward, process-changed) against the merge base of
REF and HEAD. Those rules, their severities and the stage order come from
process.yaml as it is at the merge base, never from the pull request's own.
Lists the reviewers to request: everyone who approved a stage that the pull
request enters, and the base's process owners when it changes process.yaml,
team.yaml or suppressions.json. --online judges bugs by the tracker's live
state (GITHUB_API_URL, GITHUB_TOKEN).
Exit: 0 no errors, 1 errors, 2 could not run (e.g. the base is not fetched,
or the tracker cannot answer).
`;

const options = { ...reportOptions, base: { type: 'string' } } as const;

/** The files that decide how everything else is judged (`process-changed`). */
const PROCESS_FILES = ['process.yaml', 'team.yaml', 'suppressions.json'] as const;

export async function checkPrCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parse(args, options, false);
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  const format = checkFormat(values.format);
  const today = checkToday(values.today);
  if (values.base === undefined || values.base === '') throw new UsageError('--base REF is required (the branch the pull request targets, e.g. --base origin/main)');
  const root = contentRootOf(io, values.content);

  const load = loadContent(root, { cwd: io.cwd });
  const git: Git = { env: envOf(io) };
  const repo = await gitTopLevel(git, root);
  const shallow = await isShallow(git, repo);
  const commit = await mergeBase(git, repo, values.base, shallow);
  const { base, severities, suppressions } = await readBase(git, io.cwd, { repo, commit, ref: values.base, root }, load);

  // Pass 1: everything validate does, with the pull request's own process.yaml.
  // No base is given, so the pull-request rules stay silent here, whatever
  // severities the pull request sets for them.
  let judgedOwn = load;
  let tracker;
  if (values.online && load.content) {
    // The tracker to ask is the base's, like the pull-request rules: a pull request that points
    // "tracker" at another repository or renames the priority labels does not change what judges it.
    const config = (base.processNote === undefined ? base.process?.tracker : undefined) ?? load.content.process.tracker;
    judgedOwn = { ...load, content: { ...load.content, process: { ...load.content.process, tracker: config } } };
    tracker = await fetchTrackerState(io, judgedOwn.content!);
  }
  const own = validateLoaded(judgedOwn, { today, tracker, suppressions });
  const diagnostics = [...own.diagnostics];
  // Pass 2: the pull-request rules alone, at the base's severities.
  const processChangedSetting = severities['process-changed'] ?? 'warning';
  if (load.content) {
    const judged: LoadResult = { ...load, content: { ...load.content, process: { ...load.content.process, rules: severities } } };
    const ruleList = allRules.filter((rule) => (pullRequestRuleIds as readonly string[]).includes(rule.id));
    diagnostics.push(...validateLoaded(judged, { today, base, rules: ruleList }).diagnostics);
  } else if (processChangedSetting !== 'off') {
    // process.yaml or team.yaml does not load (frontmatter errors say why) and no
    // rule can run on the features; the owners must still see the change.
    const severity = processChangedSetting;
    for (const finding of processChangedFindings(base)) {
      const { line, column } = new LineIndex(finding.file.source.text).locate(finding.at && 'offset' in finding.at ? finding.at.offset : 0);
      diagnostics.push({ file: finding.file.source.displayPath, line, column, severity, rule: finding.rule, message: finding.message, hint: finding.hint, path: finding.file.source.path });
    }
  }
  diagnostics.sort(byPosition);
  const summary = {
    files: own.summary.files,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };

  const reviewers: Reviewer[] = load.content ? reviewersToRequest(load.content, base) : [];
  if (processChangedSetting !== 'off' && base.processChanges.length > 0) {
    for (const owner of base.owners) reviewers.push({ person: owner.person, github: owner.github, stage: null });
  }
  printReport(io, format, summary, diagnostics, { json: { reviewers }, text: describeReviewers(format, reviewers) });
  return exitCodeFor(summary);
}

/**
 * Reads the merge base: its process.yaml (the rules' severities, the stage
 * order, the feature schema and the owners), its team.yaml (the owners'
 * logins) and its feature pages (renamed ones under their new name).
 */
async function readBase(
  git: Git,
  cwd: string,
  { repo, commit, ref, root }: { repo: string; commit: string; ref: string; root: string },
  load: LoadResult,
): Promise<{ base: PullRequestBase; severities: Record<string, SeveritySetting>; suppressions: Suppression[] }> {
  const contentPath = repoPath(repo, root);
  const inContent = (name: string) => (contentPath === '' ? name : `${contentPath}/${name}`);
  const processTexts = await readFiles(git, repo, commit, PROCESS_FILES.map(inContent));
  const baseProcess = parseBaseProcess(processTexts.get(inContent('process.yaml')));
  // Without a readable process.yaml at the base (the pull request that adds
  // Shiplog, or a broken base), the base features are read with the pull
  // request's process, the rules run at their default severities, and
  // process-changed says so.
  const process = baseProcess.ok ? baseProcess.process : load.content?.process;

  const featuresFolder = inContent('features');
  const names = (await listFiles(git, repo, commit, featuresFolder)).filter((name) => name.endsWith('.mdx'));
  const read = await readFiles(git, repo, commit, names.map((name) => `${featuresFolder}/${name}`));
  const texts = new Map([...read].map(([file, text]) => [file.slice(featuresFolder.length + 1), text]));
  for (const [to, from] of await renamedFiles(git, repo, commit, featuresFolder)) {
    const text = texts.get(from);
    if (text !== undefined && !texts.has(to)) {
      texts.set(to, text);
      // Renamed, not deleted: the feature's history is compared under its new name.
      texts.delete(from);
    }
  }
  const headIds = new Set(load.files.filter((file) => file.source.kind === 'feature').map((file) => file.source.id));
  let parsed = process ? parseBaseFeatures(process, texts) : { features: new Map(), unreadable: new Map<string, string>() };
  // A page git does not see as renamed (renamed and rewritten at once) is still the same feature when a new page has its flag.
  const newByFlag = new Map((load.content?.features ?? []).filter((f) => !texts.has(`${f.id}.mdx`) && f.data.flag).map((f) => [f.data.flag!, f.id]));
  const removed: PullRequestBase['removed'] = [];
  for (const [id, feature] of parsed.features) {
    if (headIds.has(id)) continue;
    const successor = feature.flag ? newByFlag.get(feature.flag) : undefined;
    if (successor !== undefined) texts.set(`${successor}.mdx`, texts.get(`${id}.mdx`)!);
    else {
      const absolute = path.join(root, 'features', `${id}.mdx`);
      const file: ContentFile = { source: { path: absolute, displayPath: path.relative(cwd, absolute).split(path.sep).join('/'), kind: 'feature', id, text: '' }, blockOffset: 0 };
      removed.push({ file, id, dates: feature.dates as Record<string, string | undefined> });
    }
  }
  if (process && removed.length + newByFlag.size > 0) parsed = parseBaseFeatures(process, texts);

  // Only pages the pull request changed need comparing: an unchanged page rewrote nothing.
  const headFeatures = load.files.filter((file) => file.source.kind === 'feature');
  const changed = (file: ContentFile) => {
    const before = texts.get(`${file.source.id}.mdx`);
    return before !== undefined && firstDifference(before, file.source.text) !== undefined;
  };
  const unreadable = new Map([...parsed.unreadable].filter(([id]) => headFeatures.some((file) => file.source.id === id && changed(file))));
  const valid = load.content?.featureById;
  const incomparable = headFeatures.filter((file) => valid && !valid.has(file.source.id) && changed(file)).map((file) => ({ file, id: file.source.id }));

  const base: PullRequestBase = {
    ref,
    features: parsed.features,
    process,
    processNote: baseProcess.ok ? undefined : baseProcess.reason,
    unreadable,
    incomparable,
    removed,
    processChanges: processChanges(root, cwd, (name) => processTexts.get(inContent(name))),
    owners: baseProcess.ok ? ownersAtBase(baseProcess.process, processTexts.get(inContent('team.yaml'))) : [],
  };
  return {
    base,
    severities: pullRequestSeverities(baseProcess.ok ? baseProcess.process : undefined),
    suppressions: baseSuppressions(processTexts.get(inContent(SUPPRESSIONS_FILE)), load),
  };
}

/** process.yaml, team.yaml and suppressions.json where the working tree differs from the base. */
function processChanges(root: string, cwd: string, baseText: (name: string) => string | undefined): ProcessChange[] {
  const changes: ProcessChange[] = [];
  for (const name of PROCESS_FILES) {
    const absolute = path.join(root, name);
    // Read as content is read: a pull request can make this file a link to /dev/zero or a pipe.
    const read = existsSync(absolute) || isLink(absolute) ? readContentFile(absolute) : undefined;
    const head = read === undefined ? undefined : 'text' in read ? read.text : '';
    const before = baseText(name);
    if (head === undefined && before === undefined) continue;
    const offset = head === undefined ? 0 : before === undefined ? 0 : firstDifference(before, head);
    if (offset === undefined) continue;
    const file: ContentFile = {
      // suppressions.json has no kind of its own; it is judged as part of the process.
      source: { path: absolute, displayPath: path.relative(cwd, absolute).split(path.sep).join('/'), kind: name === 'team.yaml' ? 'team' : 'process', id: name, text: head ?? '' },
      blockOffset: 0,
    };
    changes.push({ file, name, kind: head === undefined ? 'deleted' : before === undefined ? 'added' : 'changed', offset });
  }
  return changes;
}

/** The order validate prints diagnostics in: file, line, column, rule. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** "@garymcgrath (public)", or the person id when team.yaml has no GitHub login for them. */
function handle(reviewer: Reviewer): string {
  const why = reviewer.stage ?? 'process owner';
  return reviewer.github ? `@${reviewer.github} (${why})` : `${reviewer.person} (${why}, no github login in team.yaml)`;
}

function describeReviewers(format: Format, reviewers: readonly Reviewer[]): string {
  if (format === 'github') {
    // A notice shows on the run's summary page; the reviewers job reads the JSON artifact instead.
    return reviewers.length ? `::notice title=Reviewers to request::${reviewers.map(handle).join(', ')}\n` : '';
  }
  return reviewers.length
    ? `Reviewers to request: ${reviewers.map(handle).join(', ')}\n`
    : 'Reviewers to request: none (the pull request enters no stage and changes no process file)\n';
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The suppressions a pull request is judged by: the base's copy, so a pull
 * request cannot hide its own new finding by suppressing it (the change to
 * the file is process-changed, reviewed by the owners, and counts once
 * merged). Without a base copy (the pull request that adopts the handbook)
 * the pull request's own applies, as process.yaml's does, if it can be read:
 * one that cannot (malformed, or a link to /dev/zero) suppresses nothing
 * here and is the owners' to review; validate refuses it.
 */
function baseSuppressions(baseText: string | undefined, load: LoadResult): Suppression[] {
  if (baseText === undefined) return load.suppressions?.problem ? [] : (load.suppressions?.suppressions ?? []);
  const parsed = parseSuppressions(baseText);
  if (!parsed.ok) throw new UsageError(`${SUPPRESSIONS_FILE} at the merge base ${parsed.reason}`);
  return parsed.suppressions;
}
