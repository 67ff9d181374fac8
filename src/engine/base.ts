import { readYaml } from './yaml-reader.ts';
import type { CalendarDate } from './dates.ts';
import type { ContentFile, Content, IndexedStage } from './model.ts';
import type { BaseSnapshot } from './rule.ts';
import { featureSchema, processSchema, type Feature, type Process } from './schemas/index.ts';
import type { SeveritySetting } from './schemas/index.ts';
import { splitFrontmatter } from './source.ts';

/**
 * The base branch's side of a pull request, built from file texts (check-pr
 * reads them from git at the merge base).
 *
 * The pull request is judged by the BASE branch's process: its features are
 * parsed with the base's `featureSchema`, the pull-request rules take the
 * base's severities, and stages are ordered as the base orders them. Judged
 * by its own process.yaml, a pull request could rename a stage (every base
 * file then fails the new schema and nothing is compared) or set
 * `history-rewrite: off`, and pass. A base file that cannot be read is kept
 * in `unreadable`, so the rules can say so instead of skipping it silently.
 */

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rules that compare a pull request with its base: their severities come from the base's process.yaml. */
export const pullRequestRuleIds = ['history-rewrite', 'approval-removed', 'stage-backward', 'process-changed'] as const;

/** What check-pr knows about the base beyond the features (see PullRequestBase). */
export interface PullRequestBase extends BaseSnapshot {
  /**
   * The process the base features were parsed with and the stages are ordered by:
   * the base's process.yaml, or (see `processNote`) the pull request's own.
   */
  process: Process | undefined;
  /** Set when the base's process.yaml is missing or unreadable: why the pull request's own is used. */
  processNote?: string | undefined;
  /** Feature id -> why its base version could not be read (only ids whose file the pull request changed). */
  unreadable: Map<string, string>;
  /** Changed feature files whose HEAD version did not load (no valid frontmatter) but whose base version did. */
  incomparable: { file: ContentFile; id: string }[];
  /**
   * Feature pages of the base that the pull request deletes (and that no new
   * page carries on: a new page with the same flag is compared as the same
   * feature, whatever git's rename detection says). `file` stands in for the
   * deleted page, at its old path.
   */
  removed: { file: ContentFile; id: string; dates: Record<string, string | undefined> }[];
  /** The process files the pull request changes (`process-changed`). */
  processChanges: ProcessChange[];
  /** The base's process `owners`, with their GitHub logins from the base's team.yaml. */
  owners: { person: string; github: string | null }[];
}

/** A change to process.yaml, team.yaml or suppressions.json. */
export interface ProcessChange {
  /** The file at HEAD (for a deleted file: a stand-in with empty text at its old path). */
  file: ContentFile;
  /** `process.yaml`, `team.yaml` or `suppressions.json`. */
  name: string;
  kind: 'added' | 'changed' | 'deleted';
  /** 0-based offset in the HEAD text of the first line that differs from the base (0 when deleted). */
  offset: number;
}

/** The check-pr extras of a snapshot, when it has them (rule tests build a plain BaseSnapshot). */
export function pullRequestBase(base: BaseSnapshot | undefined): PullRequestBase | undefined {
  return base && 'unreadable' in base ? (base as PullRequestBase) : undefined;
}

export interface BaseFeatures {
  features: Map<string, Feature>;
  /** Feature id -> why the base version could not be read. */
  unreadable: Map<string, string>;
}

/**
 * Parses base feature texts with `process` (the base's). `texts` maps a
 * feature file name (`conversation-snoozing.mdx`) to its text at the base.
 * Files with a name that is no feature id (and not `.mdx`) are no features
 * and are ignored, as the loader ignores them.
 */
export function parseBaseFeatures(process: Process, texts: ReadonlyMap<string, string>): BaseFeatures {
  const schema = featureSchema(process);
  const features = new Map<string, Feature>();
  const unreadable = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.mdx')) continue;
    const id = name.slice(0, -'.mdx'.length);
    if (!ID_PATTERN.test(id)) continue;
    const split = splitFrontmatter(text);
    if (!split.ok) {
      unreadable.set(id, split.problem === 'missing' ? 'it has no frontmatter' : split.problem === 'unclosed' ? 'its frontmatter is not closed' : 'its frontmatter is not YAML');
      continue;
    }
    let data: unknown;
    try {
      data = readYaml(split.yaml);
    } catch (error) {
      unreadable.set(id, `its frontmatter is not valid YAML (${firstLine((error as Error).message)})`);
      continue;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) features.set(id, parsed.data);
    else unreadable.set(id, `it does not fit the base's process.yaml (${describeIssue(parsed.error.issues[0])})`);
  }
  return { features, unreadable };
}

/** The base side as the pull-request rules see it; kept for callers that need only the features. */
export function baseSnapshot(ref: string, process: Process, texts: ReadonlyMap<string, string>): BaseSnapshot & BaseFeatures {
  return { ref, ...parseBaseFeatures(process, texts) };
}

export type BaseProcess = { ok: true; process: Process } | { ok: false; missing: boolean; reason: string };

/** The base's process.yaml text (undefined: no such file at the base) parsed, or why it cannot be. */
export function parseBaseProcess(text: string | undefined): BaseProcess {
  if (text === undefined) return { ok: false, missing: true, reason: 'the base has no process.yaml' };
  let data: unknown;
  try {
    data = readYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, missing: false, reason: `the base's process.yaml is not valid YAML (${firstLine((error as Error).message)})` };
  }
  const parsed = processSchema.safeParse(data);
  if (!parsed.success) return { ok: false, missing: false, reason: `the base's process.yaml does not fit the schema (${describeIssue(parsed.error.issues[0])})` };
  return { ok: true, process: parsed.data };
}

/**
 * The base's process owners with their GitHub logins, read leniently from
 * the base's team.yaml: a login is only a convenience for requesting the
 * review, so a team.yaml that does not parse gives `github: null`, never an
 * error.
 */
export function ownersAtBase(process: Process, teamText: string | undefined): { person: string; github: string | null }[] {
  const logins = new Map<string, string>();
  if (teamText !== undefined) {
    try {
      const team = readYaml(teamText.replace(/^\uFEFF/, '')) as { people?: unknown } | null;
      if (team && Array.isArray(team.people)) {
        for (const person of team.people as unknown[]) {
          if (person && typeof person === 'object') {
            const { id, github } = person as { id?: unknown; github?: unknown };
            if (typeof id === 'string' && typeof github === 'string') logins.set(id, github);
          }
        }
      }
    } catch {
      // No logins: the owners are still listed by person id.
    }
  }
  return [...new Set(process.owners)].map((person) => ({ person, github: logins.get(person) ?? null }));
}

/**
 * The severities the pull-request rules run at: the base's `rules:` setting
 * for these ids, or their defaults when the base has no readable
 * process.yaml. The pull request's own setting is never read, so it cannot
 * turn off or downgrade the rules that judge it.
 */
export function pullRequestSeverities(baseProcess: Process | undefined): Record<string, SeveritySetting> {
  const severities: Record<string, SeveritySetting> = {};
  if (!baseProcess) return severities;
  for (const id of pullRequestRuleIds) {
    const setting = baseProcess.rules[id];
    if (setting) severities[id] = setting;
  }
  return severities;
}

/**
 * Compares two stage ids in the base's order (so a pull request cannot make a
 * backward move look forward by reordering `stages`); when the base does not
 * know one of them (a stage the pull request adds or renames), in the pull
 * request's order; undefined when neither process knows both.
 */
export function compareStages(content: Content, base: BaseSnapshot, a: string, b: string): number | undefined {
  const baseProcess = pullRequestBase(base)?.process;
  if (baseProcess) {
    const ia = baseProcess.stages.findIndex((s) => s.id === a);
    const ib = baseProcess.stages.findIndex((s) => s.id === b);
    if (ia >= 0 && ib >= 0) return ia - ib;
  }
  const ia = content.stageById.get(a)?.index;
  const ib = content.stageById.get(b)?.index;
  return ia !== undefined && ib !== undefined ? ia - ib : undefined;
}

/** A stage's name as the base's process gives it, else as the pull request's does, else its id. */
export function stageName(content: Content, base: BaseSnapshot, id: string): string {
  return pullRequestBase(base)?.process?.stages.find((s) => s.id === id)?.name ?? content.stageById.get(id)?.name ?? id;
}

/**
 * Where `head` first differs from `before`: the 0-based offset of that line
 * in `head` (the last line when `head` only lost lines at its end), or
 * undefined when the two are the same text. Line endings are compared
 * without their "\r", so a checkout that converts them changes nothing.
 */
export function firstDifference(before: string, head: string): number | undefined {
  const a = before.replace(/\r\n/g, '\n').split('\n');
  const b = head.split('\n');
  const normal = b.map((line) => line.replace(/\r$/, ''));
  if (a.length === normal.length && a.every((line, i) => line === normal[i])) return undefined;
  let offset = 0;
  for (let i = 0; i < b.length; i++) {
    if (a[i] !== normal[i]) break;
    offset += b[i]!.length + 1;
  }
  // Past the last line (only lines removed at the end): point at the last line that is left.
  return offset < head.length ? offset : Math.max(0, head.lastIndexOf('\n', head.length - 2) + 1);
}

export interface Reviewer {
  person: string;
  /** The person's GitHub login from team.yaml, or null when team.yaml has none. */
  github: string | null;
  /** The stage the pull request enters that they approved; null for a process owner (`process-changed`). */
  stage: string | null;
}

/**
 * Everyone who approved a stage that the pull request enters, as the rollout
 * process asks ("add everyone who approved the launch as reviewers"). A stage
 * is entered by the pull request when it has an entry date at HEAD (and is
 * not past the current stage) but none at the base. A feature that is new at
 * HEAD enters every stage it has a date for, so approvals recorded in a new
 * page are still seen by the people they name. (A file git sees as renamed
 * is compared with its old version, see check-pr.)
 */
export function reviewersToRequest(content: Content, base: BaseSnapshot): Reviewer[] {
  const reviewers: Reviewer[] = [];
  const seen = new Set<string>();
  for (const { id, data } of content.features) {
    const before = base.features.get(id);
    const current = content.stageById.get(data.stage)?.index ?? -1;
    const datesNow = data.dates as Record<string, CalendarDate | undefined>;
    const datesBefore = (before?.dates ?? {}) as Record<string, CalendarDate | undefined>;
    const entered = content.stages.filter((stage: IndexedStage) => stage.index <= current && datesNow[stage.id] && !datesBefore[stage.id]);
    for (const stage of entered) {
      for (const approval of data.approvers) {
        if (approval.stage !== stage.id) continue;
        const key = `${approval.person}\0${stage.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        reviewers.push({ person: approval.person, github: content.people.get(approval.person)?.github ?? null, stage: stage.id });
      }
    }
  }
  return reviewers;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'no detail';
  const at = issue.path.map(String).join('.');
  return at ? `${at}: ${issue.message}` : issue.message;
}
