import { load as loadYaml } from 'js-yaml';
import type { CalendarDate } from './dates.ts';
import type { Content, IndexedStage } from './model.ts';
import type { BaseSnapshot } from './rule.ts';
import { featureSchema, type Feature, type Process } from './schemas/index.ts';
import { splitFrontmatter } from './source.ts';

/**
 * The base branch's side of a pull request, built from file texts (check-pr
 * reads them from git). Base files are judged by the current process.yaml,
 * so a pull request that changes the process compares like with like. A base
 * file that does not parse is left out: there is no trustworthy history to
 * protect in it, and the HEAD side is still fully validated.
 */

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `texts` maps a feature file name (`conversation-snoozing.mdx`) to its text at the base. */
export function baseSnapshot(ref: string, process: Process, texts: ReadonlyMap<string, string>): BaseSnapshot {
  const schema = featureSchema(process);
  const features = new Map<string, Feature>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.mdx')) continue;
    const id = name.slice(0, -'.mdx'.length);
    if (!ID_PATTERN.test(id)) continue;
    const split = splitFrontmatter(text);
    if (!split.ok) continue;
    let data: unknown;
    try {
      data = loadYaml(split.yaml);
    } catch {
      continue;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) features.set(id, parsed.data);
  }
  return { ref, features };
}

export interface Reviewer {
  person: string;
  /** The person's GitHub login from team.yaml, or null when team.yaml has none. */
  github: string | null;
  stage: string;
}

/**
 * Everyone who approved a stage that the pull request enters, as the rollout
 * process asks ("add everyone who approved the launch as reviewers"). A stage
 * is entered by the pull request when it has an entry date at HEAD (and is
 * not past the current stage) but none at the base. A feature that is new at
 * HEAD (including a renamed file: the file name is the id) enters every stage
 * it has a date for, so approvals recorded in a new page are still seen by the
 * people they name.
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
