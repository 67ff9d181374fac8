import type { CalendarDate } from './dates.ts';
import type { Content, FeatureEntry, IndexedStage } from './model.ts';
import type { Bug, ChecklistItem, Feature, Person } from './schemas/index.ts';

/**
 * What entering a stage takes, and which of it a feature has. The rules, the
 * `advance` command, the stage pages and the people's queues all read this,
 * so "what is missing" is worked out in one place.
 */

export type Requirement =
  | { kind: 'approval'; role: string; holders: Person[]; met: boolean }
  | { kind: 'checklist'; item: ChecklistItem; doneOn?: CalendarDate | undefined; met: boolean }
  | { kind: 'flag'; met: boolean }
  | { kind: 'no-open-high-bugs'; openHigh: Bug[]; met: boolean }
  | { kind: 'docs'; state: DocsState; met: boolean }
  | { kind: 'changelog'; met: boolean }
  | { kind: 'mandatory-stage'; stage: IndexedStage; met: boolean };

export type DocsState = 'missing' | 'none' | 'unknown' | 'draft' | 'ready' | 'published';

export function holdersOf(content: Content, role: string): Person[] {
  return content.team.people.filter((person) => person.roles.includes(role));
}

/** The approvals of `stage` that count for `role`: by a known person who holds the role. */
export function approvalsFor(content: Content, feature: Feature, stage: string, role: string) {
  return feature.approvers.filter((a) => a.stage === stage && content.people.get(a.person)?.roles.includes(role));
}

/** The state of a feature's self-service article, as the docs writer and the stage pages see it. */
export function docsState(content: Content, feature: Feature): DocsState {
  if (feature.docs === undefined) return 'missing';
  if (feature.docs === 'none') return 'none';
  const doc = content.docById.get(feature.docs);
  if (!doc) return content.docFileIds.has(feature.docs) ? 'draft' : 'unknown';
  if (!doc.data.ready) return 'draft';
  return isPublicStage(content, feature.stage) ? 'published' : 'ready';
}

/** The last stage is the one customers see: "public" in the default process. */
export function finalStage(content: Content): IndexedStage {
  return content.stages[content.stages.length - 1]!;
}

export function isPublicStage(content: Content, stage: string): boolean {
  return stage === finalStage(content).id;
}

export function stageIndex(content: Content, stage: string): number {
  return content.stageById.get(stage)?.index ?? -1;
}

/** The stage after the feature's current one, or undefined at the last stage. */
export function nextStage(content: Content, feature: Feature): IndexedStage | undefined {
  return content.stages[stageIndex(content, feature.stage) + 1];
}

/** Stages at or before the current one that have an entry date: the ones whose requirements apply. */
export function enteredStages(content: Content, feature: Feature): { stage: IndexedStage; date: CalendarDate }[] {
  const current = stageIndex(content, feature.stage);
  const dates = feature.dates as Record<string, CalendarDate | undefined>;
  const entered: { stage: IndexedStage; date: CalendarDate }[] = [];
  for (const stage of content.stages) {
    const date = dates[stage.id];
    if (stage.index <= current && date) entered.push({ stage, date });
  }
  return entered;
}

/** True once the feature is at or past the first stage that sets `flag`, `docs`, ... */
export function reachedStageRequiring(content: Content, feature: Feature, needs: (stage: IndexedStage) => boolean): boolean {
  const current = stageIndex(content, feature.stage);
  return content.stages.some((stage) => stage.index <= current && needs(stage));
}

/**
 * Everything entering `stageId` takes, judged for a feature that enters it on
 * `entryDate` (checklist items must be done by then).
 */
export function requirementsFor(content: Content, entry: FeatureEntry, stageId: string, entryDate: CalendarDate): Requirement[] {
  const feature = entry.data;
  const stage = content.stageById.get(stageId);
  if (!stage) return [];
  const requirements: Requirement[] = [];
  const dates = feature.dates as Record<string, CalendarDate | undefined>;
  for (const mandatory of content.stages) {
    if (mandatory.mandatory && mandatory.index < stage.index) {
      requirements.push({ kind: 'mandatory-stage', stage: mandatory, met: dates[mandatory.id] !== undefined });
    }
  }
  for (const role of stage.requires.approvals) {
    requirements.push({
      kind: 'approval',
      role,
      holders: holdersOf(content, role),
      met: approvalsFor(content, feature, stageId, role).length > 0,
    });
  }
  const itemById = new Map(content.process.checklist.map((item) => [item.id, item]));
  for (const id of stage.requires.checklist) {
    const doneOn = feature.checklist[id];
    requirements.push({ kind: 'checklist', item: itemById.get(id)!, doneOn, met: doneOn !== undefined && doneOn <= entryDate });
  }
  if (stage.requires.flag) requirements.push({ kind: 'flag', met: feature.flag !== undefined });
  if (stage.requires.noOpenHighBugs) {
    const openHigh = feature.bugs.filter((bug) => bug.priority === 'high' && bug.status === 'open');
    requirements.push({ kind: 'no-open-high-bugs', openHigh, met: openHigh.length === 0 });
  }
  if (stage.requires.docs) {
    const state = docsState(content, { ...feature, stage: stageId });
    requirements.push({ kind: 'docs', state, met: state === 'none' || state === 'ready' || state === 'published' });
  }
  if (stage.requires.changelog) requirements.push({ kind: 'changelog', met: feature.changelog !== undefined });
  return requirements;
}

/** One line a person can act on, e.g. "approval by a person with role growth (james-doman-pipe, alicia-carney)". */
export function describeRequirement(requirement: Requirement, stageId: string): string {
  switch (requirement.kind) {
    case 'approval': {
      const who = requirement.holders.map((p) => p.id).join(', ') || 'nobody in team.yaml holds it';
      return `approval by a person with role ${requirement.role} (${who}) for stage ${stageId}`;
    }
    case 'checklist':
      return requirement.doneOn
        ? `checklist item ${requirement.item.id} (${requirement.item.name}) done on or before entering, not on ${requirement.doneOn}`
        : `checklist item ${requirement.item.id} (${requirement.item.name})`;
    case 'flag':
      return 'a feature flag (`flag:`)';
    case 'no-open-high-bugs':
      return `no open high-priority bug (open: ${requirement.openHigh.map((b) => b.url).join(', ')})`;
    case 'docs':
      return requirement.state === 'draft'
        ? 'a self-service article marked `ready: true` (the one named in `docs:` is not ready)'
        : 'a ready self-service article named in `docs:` (or `docs: none`)';
    case 'changelog':
      return 'a customer-facing changelog entry (`changelog:` with category and text)';
    case 'mandatory-stage':
      return `to have entered ${requirement.stage.name} first (it is mandatory)`;
  }
}
