import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { isCalendarDate, type CalendarDate } from '../engine/dates.ts';
import { editFrontmatter, EditError, type FrontmatterEdit } from './frontmatter-edit.ts';
import type { Diagnostic } from '../engine/finding.ts';
import { loadContent, UsageError, type LoadResult } from '../engine/load.ts';
import type { Content, FeatureEntry, IndexedStage } from '../engine/model.ts';
import { formatText } from '../engine/reporters/text.ts';
import { describeRequirement, requirementsFor } from '../engine/requirements.ts';
import { featureSchema } from '../engine/schemas/index.ts';
import { didYouMean } from '../engine/suggest.ts';
import { validateLoaded } from '../engine/validate.ts';
import { ConcurrentChangeError, replaceFileIfUnchanged } from './atomic-write.ts';
import { checkToday, parse } from './options.ts';
import { wantsColor } from './report.ts';

const usage = `Usage: npm run advance -- FEATURE STAGE [--date D] [--approver PERSON[@D]]... [--dry-run] [--content DIR] [--today YYYY-MM-DD]

Moves a feature to a stage: sets "stage", adds the entry date (--date,
default today) and an approval of the stage for each --approver (dated @D,
default today), then validates the result. If the result breaks a rule,
nothing is written and the command lists what entering the stage still
needs. --dry-run prints the change as a diff and writes nothing.
Exit: 0 moved (or would move), 1 refused, 2 could not run.
`;

const options = {
  content: { type: 'string', default: 'content' },
  date: { type: 'string' },
  approver: { type: 'string', multiple: true, default: [] as string[] },
  'dry-run': { type: 'boolean', default: false },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface Approval {
  person: string;
  date: CalendarDate;
}

/** Test seam: runs just before the edited page is written, to play a concurrent change. */
export interface AdvanceHooks {
  beforeWrite?: () => void;
}

export async function advanceCommand(args: string[], hooks: AdvanceHooks = {}): Promise<number> {
  const { values, positionals } = parse(args, options, true);
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError('expected FEATURE STAGE, e.g. npm run advance -- conversation-snoozing beta (see --help)');
  }
  const [featureId, stageId] = positionals as [string, string];
  const today = checkToday(values.today);
  const date = checkDate('--date', values.date ?? today);
  const dryRun = values['dry-run'];

  const load = loadContent(values.content);
  const content = requireContent(load);
  const stage = content.stageById.get(stageId);
  if (!stage) {
    const ids = content.stages.map((s) => s.id);
    throw new UsageError(`unknown stage "${stageId}". ${didYouMean(stageId, ids)}Stages: ${ids.join(', ')}`);
  }
  const entry = findFeature(content, load, featureId, today);
  if (!entry) return 1;
  const current = content.stageById.get(entry.data.stage)!;
  if (stage.index === current.index) throw new UsageError(`${featureId} is already in ${stage.name}`);
  if (stage.index < current.index) {
    throw new UsageError(
      `advance only moves forward: ${featureId} is in ${current.name}. Taking it back to ${stage.name} is a stage-backward change to agree with Support and Growth`,
    );
  }
  const approvals = values.approver.map((spec) => parseApprover(content, spec, today));

  const { edits, alreadyApproved } = plan(entry, stage, date, approvals);
  const file = entry.file.source;
  // The text every decision was made from: the write goes ahead only if the file still holds it.
  const before = file.text;
  const disk = readFileSync(file.path);
  if (disk.toString('utf8') !== before) return refuseChanged([], file.displayPath, 'it changed after it was read');
  if (!disk.equals(Buffer.from(before, 'utf8'))) {
    throw new UsageError(`cannot edit ${file.displayPath}: it is not valid UTF-8 text, and rewriting it would change bytes nobody asked to change`);
  }
  let after: string;
  try {
    after = editFrontmatter(before, edits, Object.keys(featureSchema(content.process).shape));
  } catch (error) {
    if (error instanceof EditError) throw new UsageError(`cannot edit ${file.displayPath}: ${error.message}`);
    throw error;
  }

  // Judge the edited page exactly as validate would, without touching the disk.
  const edited = loadContent(values.content, { overrides: new Map([[file.path, after]]) });
  const result = validateLoaded(edited, { today, only: new Set([file.path]) });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const out: string[] = [];
  for (const person of alreadyApproved) out.push(`${person} already approved ${stage.name}; that approval is kept as it is.`);
  if (dryRun) out.push(createTwoFilesPatch(file.displayPath, file.displayPath, before, after, 'now', `after advance to ${stage.id}`, { headerOptions: FILE_HEADERS_ONLY }).trimEnd());
  if (result.diagnostics.length) out.push(formatDiagnostics(result.summary, result.diagnostics, file.path, after).trimEnd());

  const editedEntry = edited.content?.featureById.get(featureId);
  const missing = editedEntry ? requirementsFor(edited.content!, editedEntry, stage.id, date).filter((r) => !r.met) : [];
  if (missing.length) {
    out.push(
      [
        errors.length ? `To enter ${stage.name}, ${featureId} still needs:` : `Still open for ${stage.name} (process.yaml does not make it an error):`,
        ...missing.map((r) => `  - ${describeRequirement(r, stage.id)}`),
      ].join('\n'),
    );
  }

  if (errors.length) {
    out.push(`Refused: ${file.displayPath} is unchanged.`);
    process.stdout.write(`${out.join('\n\n')}\n`);
    return 1;
  }
  if (dryRun) {
    out.push(`Dry run: ${featureId} can enter ${stage.name} on ${date}; nothing was written.`);
    process.stdout.write(`${out.join('\n\n')}\n`);
    return 0;
  }
  hooks.beforeWrite?.();
  try {
    replaceFileIfUnchanged(file.path, before, after);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    return refuseChanged(out, file.displayPath, error.message);
  }
  out.push(`Moved ${featureId} to ${stage.name} on ${date}: ${file.displayPath}`);
  const reviewers = reviewersFor(edited.content!, editedEntry!, stage.id);
  out.push(
    `Next: commit it and open a pull request. ${reviewers.length ? `check-pr will ask ${reviewers.join(', ')} to review it, as the approvers of ${stage.name}.` : ''}`.trimEnd(),
  );
  process.stdout.write(`${out.join('\n\n')}\n`);
  return 0;
}

/** Writing now would silently drop the other change (another run's approvals, an editor's save). */
function refuseChanged(out: string[], shown: string, reason: string): number {
  out.push(`Refused: ${shown} changed while advance was working (${reason}); nothing was written. Run advance again on the file as it is now.`);
  process.stdout.write(`${out.join('\n\n')}\n`);
  return 1;
}

function checkDate(option: string, value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new UsageError(`${option} must be a real date written YYYY-MM-DD, not "${value}"`);
  return value;
}

/** Without a usable process.yaml and team.yaml there is nothing to judge a move by. */
function requireContent(load: LoadResult): Content {
  if (load.content) return load.content;
  throw new UsageError('process.yaml or team.yaml has errors, so no move can be checked: run npm run validate and fix them first');
}

/** The feature's valid entry; for a page with frontmatter errors, prints them and returns undefined. */
function findFeature(content: Content, load: LoadResult, id: string, today: CalendarDate): FeatureEntry | undefined {
  const entry = content.featureById.get(id);
  if (entry) return entry;
  if (!content.featureFileIds.has(id)) {
    throw new UsageError(`no feature "${id}" in ${path.join(content.root, 'features')}. ${didYouMean(id, content.featureFileIds)}(The file name without .mdx is the id.)`);
  }
  const file = load.files.find((f) => f.source.kind === 'feature' && f.source.id === id)!;
  const result = validateLoaded(load, { today, only: new Set([file.source.path]) });
  process.stdout.write(`${formatDiagnostics(result.summary, result.diagnostics, file.source.path, file.source.text)}\n`);
  process.stdout.write(`Refused: fix the frontmatter of ${file.source.displayPath} first; nothing was changed.\n`);
  return undefined;
}

/** `gary-mcgrath` or `gary-mcgrath@2026-10-29`. */
function parseApprover(content: Content, spec: string, today: CalendarDate): Approval {
  const at = spec.lastIndexOf('@');
  const person = at < 0 ? spec : spec.slice(0, at);
  const date = at < 0 ? today : checkDate(`--approver ${spec}`, spec.slice(at + 1));
  if (!content.people.has(person)) {
    throw new UsageError(`--approver: "${person}" is not in team.yaml. ${didYouMean(person, content.people.keys())}Write PERSON or PERSON@YYYY-MM-DD with a person id`);
  }
  return { person, date };
}

function plan(entry: FeatureEntry, stage: IndexedStage, date: CalendarDate, approvals: readonly Approval[]) {
  const edits: FrontmatterEdit[] = [
    { op: 'set', key: 'stage', value: stage.id },
    { op: 'set-entry', key: 'dates', entry: stage.id, value: date },
  ];
  const alreadyApproved = new Set<string>();
  const added = new Set<string>();
  for (const approval of approvals) {
    // A pre-approval already on the page, or the same person given twice, is one sign-off.
    if (entry.data.approvers.some((a) => a.person === approval.person && a.stage === stage.id)) {
      alreadyApproved.add(approval.person);
      continue;
    }
    if (added.has(approval.person)) continue;
    added.add(approval.person);
    edits.push({ op: 'append', key: 'approvers', item: { person: approval.person, stage: stage.id, date: approval.date } });
  }
  return { edits, alreadyApproved };
}

/** The people check-pr will request for this move: the approvers of the entered stage. */
function reviewersFor(content: Content, entry: FeatureEntry, stageId: string): string[] {
  const people = [...new Set(entry.data.approvers.filter((a) => a.stage === stageId).map((a) => a.person))];
  return people.map((id) => {
    const github = content.people.get(id)?.github;
    return github ? `@${github}` : id;
  });
}

/** Findings for the edited page, showing lines of the edited text (not the file on disk). */
function formatDiagnostics(summary: { files: number; errors: number; warnings: number }, diagnostics: readonly Diagnostic[], file: string, text: string): string {
  return formatText(summary, diagnostics, { color: wantsColor(process.stdout), sourceOf: (d) => (d.path === file ? text : undefined) });
}
