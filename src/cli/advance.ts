import { readContentBytes } from '../engine/content-files.ts';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { isCalendarDate, type CalendarDate } from '../engine/dates.ts';
import { editFrontmatter, EditError, type FrontmatterEdit } from './frontmatter-edit.ts';
import { loadContent, UsageError, type LoadResult } from '../engine/load.ts';
import type { SourceFile } from '../engine/source.ts';
import type { Content, FeatureEntry, IndexedStage } from '../engine/model.ts';
import { formatText } from '../engine/reporters/text.ts';
import { describeRequirement, requirementsFor, type Requirement } from '../engine/requirements.ts';
import { featureSchema } from '../engine/schemas/index.ts';
import { didYouMean } from '../engine/suggest.ts';
import { validateLoaded, type ValidationResult } from '../engine/validate.ts';
import { ConcurrentChangeError, replaceFileIfUnchanged } from './atomic-write.ts';
import type { CommandIo } from './io.ts';
import { checkToday, contentRootOf, parse } from './options.ts';
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

/** What was asked: move `featureId` to `stageId`, entered on `date`, with these `--approver` specs. */
export interface AdvanceRequest {
  featureId: string;
  stageId: string;
  date: CalendarDate;
  today: CalendarDate;
  /** `PERSON` or `PERSON@YYYY-MM-DD`, as given to --approver. */
  approvers: readonly string[];
}

/**
 * What advance would do, worked out without writing anything:
 * - `invalid-page`: the feature page has frontmatter errors, shown instead of a move;
 * - `cannot-edit`: the page's frontmatter cannot be edited in place (`reason` says why);
 * - `move`: the edits, the page's text before and after them, the edited
 *   page judged as validate would, and what entering the stage still needs.
 */
export type AdvancePlan =
  | { kind: 'invalid-page'; file: SourceFile; validation: ValidationResult }
  | { kind: 'cannot-edit'; file: SourceFile; reason: string }
  | {
      kind: 'move';
      file: SourceFile;
      stage: IndexedStage;
      edits: FrontmatterEdit[];
      /** People given with --approver who had already approved the stage: kept as they are. */
      alreadyApproved: ReadonlySet<string>;
      before: string;
      after: string;
      /** The edited page, judged with every rule. */
      validation: ValidationResult;
      errors: number;
      /** What entering the stage needs and the edited page does not have. */
      missing: Requirement[];
      /** Who check-pr will ask to review the move: the approvers of the stage, as @login or id. */
      reviewers: string[];
    };

/**
 * Plans a move from the content as loaded. Pure but for `readEdited`, which
 * reads the content root with the edited page's text in place of the file's
 * (loadContent with an override). Arguments that name nothing (an unknown
 * stage, feature or approver, a move backwards) throw a UsageError.
 */
export function planAdvance(load: LoadResult, request: AdvanceRequest, readEdited: (file: string, text: string) => LoadResult): AdvancePlan {
  const { featureId, stageId, date, today } = request;
  const content = requireContent(load);
  const stage = content.stageById.get(stageId);
  if (!stage) {
    const ids = content.stages.map((s) => s.id);
    throw new UsageError(`unknown stage "${stageId}". ${didYouMean(stageId, ids)}Stages: ${ids.join(', ')}`);
  }
  const entry = content.featureById.get(featureId);
  if (!entry) {
    if (!content.featureFileIds.has(featureId)) {
      throw new UsageError(`no feature "${featureId}" in ${path.join(content.root, 'features')}. ${didYouMean(featureId, content.featureFileIds)}(The file name without .mdx is the id.)`);
    }
    // The page exists but has frontmatter errors: those are what to fix first.
    const file = load.files.find((f) => f.source.kind === 'feature' && f.source.id === featureId)!.source;
    return { kind: 'invalid-page', file, validation: validateLoaded(load, { today, only: new Set([file.path]) }) };
  }
  const current = content.stageById.get(entry.data.stage)!;
  if (stage.index === current.index) throw new UsageError(`${featureId} is already in ${stage.name}`);
  if (stage.index < current.index) {
    throw new UsageError(
      `advance only moves forward: ${featureId} is in ${current.name}. Taking it back to ${stage.name} is a stage-backward change to agree with Support and Growth`,
    );
  }
  const approvals = request.approvers.map((spec) => parseApprover(content, spec, today));
  const { edits, alreadyApproved } = editsFor(entry, stage, date, approvals);
  const file = entry.file.source;
  const before = file.text;
  let after: string;
  try {
    after = editFrontmatter(before, edits, Object.keys(featureSchema(content.process).shape));
  } catch (error) {
    if (error instanceof EditError) return { kind: 'cannot-edit', file, reason: error.message };
    throw error;
  }

  // Judge the edited page exactly as validate would.
  const edited = readEdited(file.path, after);
  const validation = validateLoaded(edited, { today, only: new Set([file.path]) });
  const errors = validation.diagnostics.filter((d) => d.severity === 'error').length;
  const editedEntry = edited.content?.featureById.get(featureId);
  const missing = editedEntry ? requirementsFor(edited.content!, editedEntry, stage.id, date).filter((r) => !r.met) : [];
  const reviewers = editedEntry ? reviewersFor(edited.content!, editedEntry, stage.id) : [];
  return { kind: 'move', file, stage, edits, alreadyApproved, before, after, validation, errors, missing, reviewers };
}

/** Test seam: runs just before the edited page is written, to play a concurrent change. */
export interface AdvanceHooks {
  beforeWrite?: () => void;
}

export async function advanceCommand(args: string[], io: CommandIo, hooks: AdvanceHooks = {}): Promise<number> {
  const { values, positionals } = parse(args, options, true);
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError('expected FEATURE STAGE, e.g. npm run advance -- conversation-snoozing beta (see --help)');
  }
  const [featureId, stageId] = positionals as [string, string];
  const today = checkToday(values.today);
  const date = checkDate('--date', values.date ?? today);
  const dryRun = values['dry-run'];
  const root = contentRootOf(io, values.content);

  const plan = planAdvance(loadContent(root, { cwd: io.cwd }), { featureId, stageId, date, today, approvers: values.approver }, (file, text) =>
    loadContent(root, { cwd: io.cwd, overrides: new Map([[file, text]]) }),
  );
  const color = wantsColor(io);
  const { file } = plan;
  if (plan.kind === 'invalid-page') {
    io.stdout.write(`${formatDiagnostics(plan.validation, file.path, file.text, color)}\n`);
    io.stdout.write(`Refused: fix the frontmatter of ${file.displayPath} first; nothing was changed.\n`);
    return 1;
  }
  // The text every decision was made from: the write goes ahead only if the file still holds it.
  const read = readContentBytes(file.path);
  if (!('bytes' in read)) throw new UsageError(`cannot edit ${file.displayPath}: it ${read.why.problem}`);
  const disk = read.bytes;
  if (disk.toString('utf8') !== file.text) return refuseChanged(io, [], file.displayPath, 'it changed after it was read');
  if (!disk.equals(Buffer.from(file.text, 'utf8'))) {
    throw new UsageError(`cannot edit ${file.displayPath}: it is not valid UTF-8 text, and rewriting it would change bytes nobody asked to change`);
  }
  if (plan.kind === 'cannot-edit') throw new UsageError(`cannot edit ${file.displayPath}: ${plan.reason}`);

  const { stage, before, after, validation, missing } = plan;
  const out: string[] = [];
  for (const person of plan.alreadyApproved) out.push(`${person} already approved ${stage.name}; that approval is kept as it is.`);
  if (dryRun) out.push(createTwoFilesPatch(file.displayPath, file.displayPath, before, after, 'now', `after advance to ${stage.id}`, { headerOptions: FILE_HEADERS_ONLY }).trimEnd());
  if (validation.diagnostics.length) out.push(formatDiagnostics(validation, file.path, after, color).trimEnd());
  if (missing.length) {
    out.push(
      [
        plan.errors ? `To enter ${stage.name}, ${featureId} still needs:` : `Still open for ${stage.name} (process.yaml does not make it an error):`,
        ...missing.map((r) => `  - ${describeRequirement(r, stage.id)}`),
      ].join('\n'),
    );
  }

  if (plan.errors) {
    out.push(`Refused: ${file.displayPath} is unchanged.`);
    io.stdout.write(`${out.join('\n\n')}\n`);
    return 1;
  }
  if (dryRun) {
    out.push(`Dry run: ${featureId} can enter ${stage.name} on ${date}; nothing was written.`);
    io.stdout.write(`${out.join('\n\n')}\n`);
    return 0;
  }
  hooks.beforeWrite?.();
  try {
    replaceFileIfUnchanged(file.path, before, after);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    return refuseChanged(io, out, file.displayPath, error.message);
  }
  out.push(`Moved ${featureId} to ${stage.name} on ${date}: ${file.displayPath}`);
  out.push(
    `Next: commit it and open a pull request. ${plan.reviewers.length ? `check-pr will ask ${plan.reviewers.join(', ')} to review it, as the approvers of ${stage.name}.` : ''}`.trimEnd(),
  );
  io.stdout.write(`${out.join('\n\n')}\n`);
  return 0;
}

/** Writing now would silently drop the other change (another run's approvals, an editor's save). */
function refuseChanged(io: CommandIo, out: string[], shown: string, reason: string): number {
  out.push(`Refused: ${shown} changed while advance was working (${reason}); nothing was written. Run advance again on the file as it is now.`);
  io.stdout.write(`${out.join('\n\n')}\n`);
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

/** The frontmatter edits of the move: stage, entry date, and each approval not already on the page. */
function editsFor(entry: FeatureEntry, stage: IndexedStage, date: CalendarDate, approvals: readonly Approval[]) {
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
function formatDiagnostics(validation: ValidationResult, file: string, text: string, color: boolean): string {
  return formatText(validation.summary, validation.diagnostics, { color, sourceOf: (d) => (d.path === file ? text : undefined) });
}
