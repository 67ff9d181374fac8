import { addDays, daysBetween, type CalendarDate } from '../engine/dates.ts';
import type { Content, FeatureEntry, IndexedStage } from '../engine/model.ts';
import { finalStage } from '../engine/requirements.ts';

/**
 * The release-process numbers of `/insights/` and `npm run insights`, as
 * cli.md's "Insights" section defines them (its JSON names and definitions
 * are a public interface: a script recomputes them). Pure: the content and
 * the options in, numbers out.
 *
 * Dates are the feature pages' entry dates, read as written. A feature's
 * "days in S" run from its entry into S to its entry into the next later
 * stage (in process order) that has a date, so a skipped Beta puts the time
 * up to Public Release in Internal Release, where it was spent.
 */

export interface InsightsOptions {
  /** The day the numbers are as of (`--today`). */
  asOf: CalendarDate;
  /** Keeps only features that entered public (lead time, throughput, targets) or left the stage (stage figures, soak) on or after it. */
  since?: CalendarDate | undefined;
  /** Keeps only this team's features. */
  team?: string | undefined;
}

/** How many, the median, and the nearest-rank 90th percentile of a set of durations in days. */
export interface Durations {
  count: number;
  /** The mean of the two middle values for an even count; null for none. */
  medianDays: number | null;
  /** The value at rank ceil(0.9 n) in ascending order; null for none. */
  p90Days: number | null;
}

export interface StageFigures {
  stage: IndexedStage;
  /** Features that left the stage (an entry date for it and for a later stage). */
  exited: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}

export interface WipWeek {
  /** The last day of the week: asOf, asOf - 7, ... */
  date: CalendarDate;
  /** Features whose latest entry date on or before `date` is this non-public stage's, by stage id. */
  counts: Record<string, number>;
}

export interface SoakFigures {
  /** The stage soak is measured in (process.yaml's `soak.after`; internal by default). */
  stage: IndexedStage | undefined;
  /** process.yaml's `soak.days`; 0 when the process sets no soak. */
  thresholdDays: number;
  /** Features that left the stage. */
  exited: number;
  /** Of them, those with fewer days in it than the threshold. */
  belowThreshold: number;
  /** Days in the stage of every feature that left it, for the chart. */
  days: { feature: string; days: number }[];
}

export interface TargetFigures {
  /** Public features with a target (and a public date). */
  publicWithTarget: number;
  /** Of them, those whose public date is on or before the target. */
  onTime: number;
  /** The median of (public date - target) over the late ones; null when none is late. */
  medianSlipDays: number | null;
  /** Features not public whose target is before asOf. */
  passedNotPublic: number;
  late: { feature: string; title: string; slipDays: number }[];
  passed: { feature: string; title: string; stage: IndexedStage; target: CalendarDate; daysPast: number }[];
}

export interface AgeingItem {
  feature: string;
  title: string;
  stage: IndexedStage;
  /** The entry date of the current stage; undefined when the page has none. */
  enteredOn: CalendarDate | undefined;
  /** Days from that entry to asOf (never below 0); null without an entry date. */
  days: number | null;
  /** The stage's `staleAfterDays`; null when it sets none. */
  limitDays: number | null;
  /** Longer in the stage than its limit: the stale-stage warning's condition. */
  over: boolean;
}

export interface Insights {
  asOf: CalendarDate;
  since: CalendarDate | undefined;
  team: string | undefined;
  /** Features counted (after --team). */
  features: number;
  /** Every stage, in process order (the last one is never left). */
  stages: StageFigures[];
  leadTime: {
    from: { development: IndexedStage; internal: IndexedStage | undefined; public: IndexedStage };
    developmentToPublic: Durations;
    internalToPublic: Durations;
  };
  /** The twelve calendar months ending with asOf's month, oldest first. */
  throughput: MonthCount[];
  /** Features now in each non-public stage, in process order. */
  wip: { stage: IndexedStage; count: number }[];
  /** 26 weeks, oldest first, the last one ending on asOf. */
  wipWeekly: WipWeek[];
  soak: SoakFigures;
  targets: TargetFigures;
  /** Features now in a non-public stage: most over their limit first, then longest in stage. */
  ageing: AgeingItem[];
}

export const THROUGHPUT_MONTHS = 12;
export const WIP_WEEKS = 26;

/** The median (mean of the two middle values for an even count) of numbers sorted ascending; null for none. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank 90th percentile of numbers sorted ascending: the value at rank ceil(0.9 n); null for none. */
export function p90(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // ceil(9n / 10) in integers: 0.9 * 10 is 9.000000000000002 in floating point, whose ceil is 10.
  const rank = Math.floor((9 * n + 9) / 10);
  return sorted[rank - 1]!;
}

/** Count, median and p90 of some durations, in any order. */
export function durations(days: readonly number[]): Durations {
  const sorted = [...days].sort((a, b) => a - b);
  return { count: sorted.length, medianDays: median(sorted), p90Days: p90(sorted) };
}

/** The twelve months (YYYY-MM) ending with the month of `asOf`, oldest first. */
export function monthsEnding(asOf: CalendarDate, count = THROUGHPUT_MONTHS): string[] {
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months.reverse();
}

type Dates = Record<string, CalendarDate | undefined>;
const datesOf = (entry: FeatureEntry): Dates => entry.data.dates as Dates;

/**
 * The stage the contract's "internal" names: the process's `internal` stage,
 * else its first mandatory stage (a renamed Internal Release).
 */
function internalStageOf(content: Content): IndexedStage | undefined {
  return content.stageById.get('internal') ?? content.stages.find((stage) => stage.mandatory);
}

/** When the feature left `stage` and how many days it spent there; undefined when it has not left it. */
function stay(content: Content, dates: Dates, stage: IndexedStage): { left: CalendarDate; days: number } | undefined {
  const entered = dates[stage.id];
  if (!entered) return undefined;
  for (let i = stage.index + 1; i < content.stages.length; i++) {
    const left = dates[content.stages[i]!.id];
    if (left) return { left, days: daysBetween(entered, left) };
  }
  return undefined;
}

/** The stage a feature was in on `day` by its entry dates: the latest stage in process order entered on or before it. */
function stageOn(content: Content, dates: Dates, day: CalendarDate): IndexedStage | undefined {
  for (let i = content.stages.length - 1; i >= 0; i--) {
    const date = dates[content.stages[i]!.id];
    if (date && date <= day) return content.stages[i];
  }
  return undefined;
}

/** The team ids `--team` accepts: the teams of team.yaml. */
export function teamIds(content: Content): string[] {
  return content.team.teams.map((team) => team.id);
}

/** Every number of the insights page and command, as of `options.asOf`. */
export function computeInsights(content: Content, options: InsightsOptions): Insights {
  const { asOf, since, team } = options;
  const onOrAfterSince = (date: CalendarDate) => since === undefined || date >= since;
  const features = team === undefined ? content.features : content.features.filter((entry) => entry.data.team === team);
  const stages = content.stages;
  const last = finalStage(content);
  const first = stages[0]!;
  const internal = internalStageOf(content);
  const nonPublic = stages.filter((stage) => stage.id !== last.id);

  // Per stage: days spent by each feature that left it (on or after --since).
  const stayed = new Map<string, number[]>(stages.map((stage) => [stage.id, []]));
  const soakStage = content.process.soak ? content.stageById.get(content.process.soak.after) : internal;
  const soakThreshold = content.process.soak?.days ?? 0;
  const soakDays: { feature: string; days: number }[] = [];
  const developmentToPublic: number[] = [];
  const internalToPublic: number[] = [];
  const monthKeys = monthsEnding(asOf);
  const perMonth = new Map(monthKeys.map((month) => [month, 0]));
  const wipNow = new Map(nonPublic.map((stage) => [stage.id, 0]));
  const weekEnds = Array.from({ length: WIP_WEEKS }, (_, i) => addDays(asOf, -7 * (WIP_WEEKS - 1 - i)));
  const weekly = weekEnds.map((): Record<string, number> => Object.fromEntries(nonPublic.map((stage) => [stage.id, 0])));
  const targets: TargetFigures = { publicWithTarget: 0, onTime: 0, medianSlipDays: null, passedNotPublic: 0, late: [], passed: [] };
  const ageing: AgeingItem[] = [];

  for (const entry of features) {
    const dates = datesOf(entry);
    const data = entry.data;
    for (const stage of stages) {
      const s = stay(content, dates, stage);
      if (s && onOrAfterSince(s.left)) stayed.get(stage.id)!.push(s.days);
    }
    if (soakStage) {
      const s = stay(content, dates, soakStage);
      if (s && onOrAfterSince(s.left)) soakDays.push({ feature: entry.id, days: s.days });
    }

    const publicDate = dates[last.id];
    if (publicDate && onOrAfterSince(publicDate)) {
      if (dates[first.id]) developmentToPublic.push(daysBetween(dates[first.id]!, publicDate));
      if (internal && dates[internal.id]) internalToPublic.push(daysBetween(dates[internal.id]!, publicDate));
      const month = publicDate.slice(0, 7);
      if (perMonth.has(month)) perMonth.set(month, perMonth.get(month)! + 1);
      if (data.target) {
        targets.publicWithTarget += 1;
        if (publicDate <= data.target) targets.onTime += 1;
        else targets.late.push({ feature: entry.id, title: data.title, slipDays: daysBetween(data.target, publicDate) });
      }
    }

    const current = content.stageById.get(data.stage)!;
    if (current.id !== last.id) {
      wipNow.set(current.id, wipNow.get(current.id)! + 1);
      if (data.target && data.target < asOf) {
        targets.passedNotPublic += 1;
        targets.passed.push({ feature: entry.id, title: data.title, stage: current, target: data.target, daysPast: daysBetween(data.target, asOf) });
      }
      const enteredOn = dates[current.id];
      const days = enteredOn ? Math.max(0, daysBetween(enteredOn, asOf)) : null;
      const limitDays = current.staleAfterDays ?? null;
      ageing.push({ feature: entry.id, title: data.title, stage: current, enteredOn, days, limitDays, over: days !== null && limitDays !== null && days > limitDays });
    }

    weekEnds.forEach((day, i) => {
      const stage = stageOn(content, dates, day);
      if (stage && stage.id !== last.id) weekly[i]![stage.id]! += 1;
    });
  }

  targets.medianSlipDays = durations(targets.late.map((l) => l.slipDays)).medianDays;
  targets.late.sort((a, b) => b.slipDays - a.slipDays || a.feature.localeCompare(b.feature));
  targets.passed.sort((a, b) => b.daysPast - a.daysPast || a.feature.localeCompare(b.feature));
  const overBy = (item: AgeingItem) => (item.days !== null && item.limitDays !== null ? item.days - item.limitDays : -Infinity);
  ageing.sort((a, b) => overBy(b) - overBy(a) || (b.days ?? -1) - (a.days ?? -1) || a.feature.localeCompare(b.feature));

  return {
    asOf,
    since,
    team,
    features: features.length,
    stages: stages.map((stage) => {
      const figures = durations(stayed.get(stage.id)!);
      return { stage, exited: figures.count, medianDays: figures.medianDays, p90Days: figures.p90Days };
    }),
    leadTime: {
      from: { development: first, internal, public: last },
      developmentToPublic: durations(developmentToPublic),
      internalToPublic: durations(internalToPublic),
    },
    throughput: monthKeys.map((month) => ({ month, count: perMonth.get(month)! })),
    wip: nonPublic.map((stage) => ({ stage, count: wipNow.get(stage.id)! })),
    wipWeekly: weekEnds.map((date, i) => ({ date, counts: weekly[i]! })),
    soak: {
      stage: soakStage,
      thresholdDays: soakThreshold,
      exited: soakDays.length,
      belowThreshold: soakDays.filter((s) => s.days < soakThreshold).length,
      days: soakDays,
    },
    targets,
    ageing,
  };
}

/** cli.md's JSON document: the contract's keys first, exactly as named there, then this project's extra blocks. */
export function insightsJson(insights: Insights) {
  const { targets, soak } = insights;
  return {
    asOf: insights.asOf,
    stages: Object.fromEntries(insights.stages.map((s) => [s.stage.id, { exited: s.exited, medianDays: s.medianDays, p90Days: s.p90Days }])),
    leadTime: {
      developmentToPublic: insights.leadTime.developmentToPublic,
      internalToPublic: insights.leadTime.internalToPublic,
    },
    throughput: insights.throughput,
    wip: Object.fromEntries(insights.wip.map((w) => [w.stage.id, w.count])),
    soak: { exited: soak.exited, belowThreshold: soak.belowThreshold },
    targets: {
      publicWithTarget: targets.publicWithTarget,
      onTime: targets.onTime,
      medianSlipDays: targets.medianSlipDays,
      passedNotPublic: targets.passedNotPublic,
    },
    // Extras beyond the contract: the filters applied, the soak rule used, the weekly series and the ageing list.
    since: insights.since ?? null,
    team: insights.team ?? null,
    features: insights.features,
    soakRule: { stage: soak.stage?.id ?? null, days: soak.thresholdDays },
    wipWeekly: insights.wipWeekly.map((week) => ({ week: week.date, ...week.counts })),
    ageing: insights.ageing.map((item) => ({
      feature: item.feature,
      stage: item.stage.id,
      enteredOn: item.enteredOn ?? null,
      days: item.days,
      limitDays: item.limitDays,
      over: item.over,
    })),
  };
}

export type InsightsJson = ReturnType<typeof insightsJson>;
