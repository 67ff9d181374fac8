import { daysBetween, type CalendarDate } from '../engine/dates.ts';
import type { Diagnostic } from '../engine/finding.ts';
import type { Content, FeatureEntry, IndexedStage } from '../engine/model.ts';
import { docsState, nextStage, requirementsFor, type DocsState, type Requirement } from '../engine/requirements.ts';

/**
 * Where a feature stands and what it still needs: what the feature page, the
 * stage board and the people's queues show. Computed from the same
 * requirements the rules check.
 */
export interface FeatureStatus {
  entry: FeatureEntry;
  stage: IndexedStage;
  enteredOn: CalendarDate | undefined;
  daysInStage: number | undefined;
  next: IndexedStage | undefined;
  /** Requirements of the next stage not yet met (as if it were entered today). */
  missingForNext: Requirement[];
  docs: DocsState;
  /** This feature's diagnostics (warnings on a build that passed). */
  diagnostics: Diagnostic[];
}

export function featureStatus(content: Content, entry: FeatureEntry, today: CalendarDate, diagnostics: readonly Diagnostic[] = []): FeatureStatus {
  const stage = content.stageById.get(entry.data.stage)!;
  const enteredOn = (entry.data.dates as Record<string, CalendarDate | undefined>)[stage.id];
  const next = nextStage(content, entry.data);
  return {
    entry,
    stage,
    enteredOn,
    daysInStage: enteredOn ? Math.max(0, daysBetween(enteredOn, today)) : undefined,
    next,
    missingForNext: next ? requirementsFor(content, entry, next.id, today).filter((r) => !r.met) : [],
    docs: docsState(content, entry.data),
    diagnostics: diagnostics.filter((d) => d.path === entry.file.source.path),
  };
}

export type QueueItem =
  | { kind: 'approve'; status: FeatureStatus; role: string; stage: IndexedStage }
  | { kind: 'write-docs'; status: FeatureStatus }
  | { kind: 'own'; status: FeatureStatus };

/**
 * What waits on a person: approvals their roles owe for features' next
 * stages, articles to write (docs role) for features in a stage between
 * development and public, and, for owners, their features with what each
 * still lacks. Ordered by target date, then by time waiting.
 */
export function queueFor(content: Content, personId: string, statuses: readonly FeatureStatus[]): QueueItem[] {
  const person = content.people.get(personId);
  if (!person) return [];
  const items: QueueItem[] = [];
  const last = content.stages[content.stages.length - 1]!;
  for (const status of statuses) {
    const feature = status.entry.data;
    if (status.next) {
      for (const role of status.next.requires.approvals) {
        if (!person.roles.includes(role)) continue;
        const missing = status.missingForNext.some((r) => r.kind === 'approval' && r.role === role);
        if (missing) items.push({ kind: 'approve', status, role, stage: status.next });
      }
    }
    if (person.roles.includes(content.process.docsRole) && status.stage.index > 0 && status.stage.id !== last.id) {
      if (status.docs === 'missing' || status.docs === 'draft' || status.docs === 'unknown') items.push({ kind: 'write-docs', status });
    }
    if (feature.owner === person.id) items.push({ kind: 'own', status });
  }
  const byTarget = (item: QueueItem) => item.status.entry.data.target ?? '9999-12-31';
  return items.sort(
    (a, b) => byTarget(a).localeCompare(byTarget(b)) || (b.status.daysInStage ?? 0) - (a.status.daysInStage ?? 0) || a.status.entry.id.localeCompare(b.status.entry.id),
  );
}
