import { daysBetween, type CalendarDate } from '../engine/dates.ts';
import type { Content, IndexedStage } from '../engine/model.ts';
import type { FeatureStatus } from './status.ts';

/**
 * The stage board's arrangement of feature statuses, and each feature's
 * timeline. Pure: the internal site renders these, tests assert on them.
 */

export interface BoardColumn {
  stage: IndexedStage;
  /** Longest in the stage first: what has waited longest is what needs a look. */
  cards: FeatureStatus[];
}

export function byTimeInStage(a: FeatureStatus, b: FeatureStatus): number {
  return (b.daysInStage ?? -1) - (a.daysInStage ?? -1) || a.entry.data.title.localeCompare(b.entry.data.title) || a.entry.id.localeCompare(b.entry.id);
}

/** One column per stage of the process, in process order, empty ones included. */
export function boardColumns(content: Content, statuses: readonly FeatureStatus[]): BoardColumn[] {
  return content.stages.map((stage) => ({
    stage,
    cards: statuses.filter((status) => status.stage.id === stage.id).sort(byTimeInStage),
  }));
}

export interface Facet {
  id: string;
  label: string;
  count: number;
}

/** The teams and owners that have features, for the board's filters. */
export function boardFacets(content: Content, statuses: readonly FeatureStatus[]): { teams: Facet[]; owners: Facet[] } {
  const count = (ids: (string | undefined)[], label: (id: string) => string): Facet[] => {
    const counts = new Map<string, number>();
    for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].map(([id, n]) => ({ id, label: label(id), count: n })).sort((a, b) => a.label.localeCompare(b.label));
  };
  const teamName = new Map(content.team.teams.map((team) => [team.id, team.name]));
  return {
    teams: count(statuses.map((s) => s.entry.data.team), (id) => teamName.get(id) ?? id),
    owners: count(statuses.map((s) => s.entry.data.owner), (id) => content.people.get(id)?.name ?? id),
  };
}

export interface TimelineSegment {
  stage: IndexedStage;
  from: CalendarDate;
  /** The next entered stage's date, or today for the current stage. */
  to: CalendarDate;
  days: number;
  current: boolean;
}

export interface Timeline {
  start: CalendarDate;
  /** The later of today and the target date: the right edge of the picture. */
  end: CalendarDate;
  today: CalendarDate;
  target: CalendarDate | undefined;
  segments: TimelineSegment[];
  /** Stages before the current one that the feature never entered (a skipped Beta). */
  skipped: IndexedStage[];
}

/** Time spent in each entered stage, from the feature's entry dates; undefined when it has no dates. */
export function featureTimeline(content: Content, status: FeatureStatus, today: CalendarDate): Timeline | undefined {
  const dates = status.entry.data.dates as Record<string, CalendarDate | undefined>;
  const entered = content.stages.filter((stage) => stage.index <= status.stage.index && dates[stage.id]);
  if (entered.length === 0) return undefined;
  const segments = entered.map((stage, i): TimelineSegment => {
    const from = dates[stage.id]!;
    const following = entered[i + 1];
    const to = following ? dates[following.id]! : today < from ? from : today;
    return { stage, from, to, days: Math.max(0, daysBetween(from, to)), current: stage.id === status.stage.id };
  });
  const target = status.entry.data.target;
  const start = segments[0]!.from;
  const latest = [today, target, ...segments.map((s) => s.to)].filter((d): d is string => d !== undefined).sort();
  return {
    start,
    end: latest[latest.length - 1]!,
    today,
    target,
    segments,
    skipped: content.stages.filter((stage) => stage.index < status.stage.index && !dates[stage.id]),
  };
}
