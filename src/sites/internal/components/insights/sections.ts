import type { Insights } from '../../../../views/insights.ts';
import { ageingChart, countChart, durationChart, soakChart, throughputChart, wipChart, type ChartSvg } from './charts.ts';

/**
 * The insights page's blocks, in reading order: for each, its heading, one
 * sentence saying what the chart shows and what to do about it, the chart,
 * and its numbers as a table. Built from the numbers of views/insights.ts;
 * the .astro files only lay these out.
 */

/** A sentence, optionally ending with a link (to the board). */
export interface Lead {
  text: string;
  link?: { href: string; text: string; after?: string };
}

export interface Cell {
  text: string;
  href?: string;
}

export interface NumbersTable {
  caption: string;
  head: string[];
  rows: Cell[][];
  /** Long tables (a row per week or month) fold under a summary so the charts stay in view. */
  folded?: string;
}

export interface InsightsBlock {
  id: string;
  heading: string;
  lead: Lead;
  chart: ChartSvg;
  /** What the marks mean, under the chart (the phone drawing has no room for labels). */
  key?: string;
  tables: NumbersTable[];
  /** Said under the table, e.g. that the list is cut short. */
  note?: Lead;
}

/** At most this many features in the ageing chart; the board has them all. */
export const AGEING_ROWS = 15;

const n = (value: number | null) => (value === null ? '–' : String(value));
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Every block of the page for these numbers; `boardHref` is the stage board, with the team filter when there is one. */
export function insightsBlocks(insights: Insights, boardHref: string): InsightsBlock[] {
  return [stagesBlock(insights, boardHref), leadTimeBlock(insights), throughputBlock(insights), wipBlock(insights, boardHref), soakBlock(insights), targetsBlock(insights, boardHref), ageingBlock(insights, boardHref)];
}

function stagesBlock(insights: Insights, boardHref: string): InsightsBlock {
  const leavable = insights.stages.slice(0, -1);
  const measured = leavable.filter((s) => s.medianDays !== null);
  const slowest = [...measured].sort((a, b) => b.medianDays! - a.medianDays!)[0];
  const lead: Lead = slowest
    ? {
        text: `Features wait longest in ${slowest.stage.name}: a median of ${slowest.medianDays} days, and 1 in 10 stays ${slowest.p90Days} days or more. Ask what features there are waiting for, starting with the oldest on`,
        link: { href: boardHref, text: 'the board', after: '.' },
      }
    : { text: 'No feature has left a stage yet, so there is no time in stage to show: this fills in as features move on.' };
  const rows = leavable.map((s) => ({ label: s.stage.name, median: s.medianDays, p90: s.p90Days }));
  return {
    id: 'time-in-stage',
    heading: 'Where features wait',
    lead,
    key: 'Bar: the median. Tick: the 90th percentile (9 in 10 features left within it).',
    chart: durationChart(
      {
        id: 'time-in-stage',
        title: 'Days spent in each stage',
        description: `Median (bar) and 90th percentile (tick) of the days features spent in each stage before the next: ${leavable
          .map((s) => (s.medianDays === null ? `${s.stage.name}, none left yet` : `${s.stage.name}, median ${s.medianDays}, 90th percentile ${s.p90Days}, ${plural(s.exited, 'feature')}`))
          .join('; ')}.`,
      },
      rows,
    ),
    tables: [
      {
        caption: 'Days in each stage, of the features that left it (p90: 9 in 10 left within)',
        head: ['Stage', 'Left it', 'Median', 'p90'],
        rows: leavable.map((s) => [{ text: s.stage.name }, { text: String(s.exited) }, { text: n(s.medianDays) }, { text: n(s.p90Days) }]),
      },
    ],
  };
}

function leadTimeBlock(insights: Insights): InsightsBlock {
  const { from, developmentToPublic: dev, internalToPublic: int } = insights.leadTime;
  const internalName = from.internal?.name ?? 'Internal Release';
  const spans = [
    { label: `${from.development.name} → ${from.public.name}`, d: dev },
    { label: `${internalName} → ${from.public.name}`, d: int },
  ];
  const lead: Lead =
    dev.medianDays !== null || int.medianDays !== null
      ? {
          text:
            `${dev.medianDays !== null ? `From ${from.development.name} to ${from.public.name} takes a median of ${dev.medianDays} days (9 in 10 within ${dev.p90Days})` : `No feature with a ${from.development.name} date has reached ${from.public.name}`}` +
            `${int.medianDays !== null ? `, ${int.medianDays} of them from ${internalName}` : ''}: announce targets no sooner than that.`,
        }
      : { text: `No feature has reached ${from.public.name} yet, so there is no lead time to show: it appears with the first.` };
  return {
    id: 'lead-time',
    heading: 'How long a feature takes to reach customers',
    lead,
    key: 'Bar: the median. Tick: the 90th percentile (9 in 10 features within it).',
    chart: durationChart(
      {
        id: 'lead-time',
        title: `Lead time to ${from.public.name}`,
        description: `Median (bar) and 90th percentile (tick) of the days to ${from.public.name}: ${spans
          .map((s) => (s.d.medianDays === null ? `${s.label}, no features yet` : `${s.label}, median ${s.d.medianDays}, 90th percentile ${s.d.p90Days}, ${plural(s.d.count, 'feature')}`))
          .join('; ')}.`,
      },
      // The chart's title names the end; the rows name where each span starts, short enough for a phone.
      spans.map((s, i) => ({ label: `From ${i === 0 ? from.development.name : internalName}`, median: s.d.medianDays, p90: s.d.p90Days })),
    ),
    tables: [
      {
        caption: `Days to ${from.public.name} (p90: 9 in 10 within)`,
        head: ['From', 'Features', 'Median', 'p90'],
        rows: spans.map((s) => [{ text: s.label }, { text: String(s.d.count) }, { text: n(s.d.medianDays) }, { text: n(s.d.p90Days) }]),
      },
    ],
  };
}

function throughputBlock(insights: Insights): InsightsBlock {
  const months = insights.throughput;
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const empty = months.filter((m) => m.count === 0).length;
  const thisMonth = months[months.length - 1]!;
  const publicName = insights.leadTime.from.public.name;
  const lead: Lead = {
    text:
      total === 0
        ? `No feature reached ${publicName} in the last 12 months: look at what is waiting in the later stages.`
        : `${plural(total, 'feature')} reached ${publicName} in the last 12 months, ${thisMonth.count} so far in ${monthName(thisMonth.month)}` +
          (empty > 0 ? `; ${plural(empty, 'month')} had none: in a quiet month, look at what is waiting to move.` : ': a steady flow, keep it that way.'),
  };
  return {
    id: 'throughput',
    heading: `Features made public per month`,
    lead,
    chart: throughputChart(
      {
        id: 'throughput',
        title: `Features entering ${publicName} per month, last 12 months`,
        description: `One column per month from ${monthName(months[0]!.month)} to ${monthName(thisMonth.month)}: ${months.map((m) => `${monthName(m.month)} ${m.count}`).join(', ')}.`,
      },
      months,
    ),
    tables: [
      {
        caption: `Features entering ${publicName} per month`,
        head: ['Month', 'Features made public'],
        rows: months.map((m) => [{ text: monthName(m.month) }, { text: String(m.count) }]),
        folded: 'The numbers, month by month',
      },
    ],
  };
}

function wipBlock(insights: Insights, boardHref: string): InsightsBlock {
  const now = insights.wip;
  const total = now.reduce((sum, w) => sum + w.count, 0);
  const first = insights.wipWeekly[0]!;
  const then = Object.values(first.counts).reduce((sum, c) => sum + c, 0);
  const trend = total > then ? `up from ${then}` : total < then ? `down from ${then}` : 'as many as';
  const lead: Lead = {
    text:
      `${plural(total, 'feature')} ${total === 1 ? 'is' : 'are'} in progress now (${now.map((w) => `${w.count} in ${w.stage.name}`).join(', ')}), ${trend} on ${first.date}` +
      (total > then ? ': more is starting than shipping, so finish features before starting new ones; see' : ': see what each is waiting for on'),
    link: { href: boardHref, text: 'the board', after: '.' },
  };
  const stages = now.map((w) => w.stage);
  return {
    id: 'work-in-progress',
    heading: 'Work in progress',
    lead,
    chart: wipChart(
      {
        id: 'work-in-progress',
        title: 'Features in each stage, week by week, last 26 weeks',
        description: `One area per stage over the 26 weeks to ${insights.asOf}. Now: ${now.map((w) => `${w.stage.name} ${w.count}`).join(', ')}; 26 weeks ago: ${stages.map((s) => `${s.name} ${first.counts[s.id]}`).join(', ')}.`,
      },
      now.map((w) => ({ name: w.stage.name, now: w.count })),
      insights.wipWeekly.flatMap((week) => stages.map((s) => ({ stage: s.name, date: week.date, count: week.counts[s.id]! }))),
    ),
    tables: [
      {
        caption: `Features in each stage on ${insights.asOf}`,
        head: ['Stage', 'Features now'],
        rows: now.map((w) => [{ text: w.stage.name }, { text: String(w.count) }]),
      },
      {
        caption: 'Features in each stage at the end of each week',
        head: ['Week ending', ...stages.map((s) => s.name)],
        rows: insights.wipWeekly.map((week) => [{ text: week.date }, ...stages.map((s) => ({ text: String(week.counts[s.id]) }))]),
        folded: 'The numbers, week by week',
      },
    ],
  };
}

function soakBlock(insights: Insights): InsightsBlock {
  const { soak } = insights;
  const stageName = soak.stage?.name ?? 'Internal Release';
  const threshold = soak.thresholdDays;
  const lead: Lead =
    soak.exited === 0
      ? { text: `No feature has left ${stageName} yet, so there is no soak time to show.` }
      : soak.belowThreshold > 0
        ? {
            text: `${soak.belowThreshold} of ${soak.exited} features left ${stageName} before its ${threshold}-day soak: let features soak the full ${threshold} days, or record on the feature page why not.`,
          }
        : { text: `All ${plural(soak.exited, 'feature')} that left ${stageName} soaked at least ${threshold} days: soak time is honoured; keep it so.` };
  const sorted = soak.days.map((d) => d.days).sort((a, b) => a - b);
  return {
    id: 'soak',
    heading: `Soak time in ${stageName}`,
    lead,
    key: `Each column counts the features that spent that many days; ${threshold > 0 ? `orange: fewer than the ${threshold}-day soak (dashed line).` : 'the process sets no soak.'}`,
    chart: soakChart(
      {
        id: 'soak',
        title: `Days in ${stageName} before the next stage`,
        description:
          soak.exited === 0
            ? `No feature has left ${stageName} yet.`
            : `One column per number of days, counting features; ${soak.belowThreshold} of ${soak.exited} are below the ${threshold}-day soak line (shortest ${sorted[0]} days, longest ${sorted[sorted.length - 1]}).`,
      },
      sorted,
      threshold,
    ),
    tables: [
      {
        caption: `Soak time in ${stageName}`,
        head: ['Left it', `Under ${threshold} days`, 'Share'],
        rows: [
          [
            { text: String(soak.exited) },
            { text: String(soak.belowThreshold) },
            { text: soak.exited === 0 ? '–' : `${Math.round((100 * soak.belowThreshold) / soak.exited)}%` },
          ],
        ],
      },
    ],
  };
}

function targetsBlock(insights: Insights, boardHref: string): InsightsBlock {
  const t = insights.targets;
  const late = t.publicWithTarget - t.onTime;
  const publicName = insights.leadTime.from.public.name;
  const parts: string[] = [];
  if (t.publicWithTarget > 0) {
    parts.push(`${t.onTime} of ${plural(t.publicWithTarget, 'feature')} with a target reached ${publicName} on time` + (t.medianSlipDays !== null ? `, the late ones a median of ${t.medianSlipDays} days late` : ''));
  } else {
    parts.push(`No feature with a target has reached ${publicName} yet`);
  }
  const lead: Lead =
    t.passedNotPublic > 0
      ? {
          text: `${parts[0]}; ${t.passedNotPublic} not yet public ${t.passedNotPublic === 1 ? 'is' : 'are'} past ${t.passedNotPublic === 1 ? 'its' : 'their'} target: agree a new date with Growth and update the page (see`,
          link: { href: boardHref, text: 'the board', after: ').' },
        }
      : { text: `${parts[0]}, and no feature in progress is past its target: keep targets honest as plans change.` };
  const rows = [
    { label: 'On time', count: t.onTime, tone: 'main' as const },
    { label: 'Late', count: late, tone: 'warn' as const },
    { label: 'Past target, not public', count: t.passedNotPublic, tone: 'alert' as const },
  ];
  return {
    id: 'targets',
    heading: 'Targets kept and missed',
    lead,
    chart: countChart(
      {
        id: 'targets',
        title: 'Features against their target date',
        description: `${t.onTime} public on or before their target, ${late} public after it${t.medianSlipDays !== null ? ` (median ${t.medianSlipDays} days late)` : ''}, ${t.passedNotPublic} past their target and not public.`,
      },
      rows,
    ),
    tables: [
      {
        caption: 'Targets',
        head: ['Public, with a target', 'On time', 'Median days late', 'Past target'],
        rows: [[{ text: String(t.publicWithTarget) }, { text: String(t.onTime) }, { text: n(t.medianSlipDays) }, { text: String(t.passedNotPublic) }]],
      },
      ...(t.passed.length
        ? [
            {
              caption: 'Past their target, not public',
              head: ['Feature', 'Stage', 'Target', 'Days past'],
              rows: t.passed.slice(0, AGEING_ROWS).map((p) => [{ text: p.title, href: `/features/${p.feature}/` }, { text: p.stage.name }, { text: p.target }, { text: String(p.daysPast) }]),
            },
          ]
        : []),
    ],
  };
}

function ageingBlock(insights: Insights, boardHref: string): InsightsBlock {
  const items = insights.ageing;
  const over = items.filter((item) => item.over);
  const shown = items.filter((item) => item.days !== null).slice(0, AGEING_ROWS);
  const byStage = new Map<string, { name: string; limit: number | null; count: number }>();
  for (const item of over) {
    const entry = byStage.get(item.stage.id) ?? { name: item.stage.name, limit: item.limitDays, count: 0 };
    entry.count += 1;
    byStage.set(item.stage.id, entry);
  }
  const detail = [...byStage.values()].map((s) => `${s.count} in ${s.name}, past ${s.limit} days`).join('; ');
  const lead: Lead =
    over.length > 0
      ? {
          text: `${plural(over.length, 'feature has', 'features have')} sat past ${over.length === 1 ? 'its' : 'their'} stage's limit (${detail}): agree the next step for each with Support and Growth; see`,
          link: { href: boardHref, text: 'the board', after: '.' },
        }
      : items.length > 0
        ? { text: `All ${plural(items.length, 'feature')} in progress are within their stage's limit: nothing is stuck.` }
        : { text: 'No feature is in progress.' };
  return {
    id: 'ageing',
    heading: 'Features past their stage’s limit',
    lead,
    key: "Bar: days in the current stage; red when past the limit. Tick: the stage's limit.",
    chart: ageingChart(
      {
        id: 'ageing',
        title: 'Days in the current stage, longest over the limit first',
        description:
          shown.length === 0
            ? 'No feature is in progress.'
            : `Bars are days in the current stage, ticks the stage's limit; ${over.length} past it. ${shown.map((item) => `${item.title}: ${item.days} days in ${item.stage.name}${item.limitDays !== null ? ` (limit ${item.limitDays})` : ''}`).join('; ')}.`,
      },
      shown.map((item) => ({ label: item.title, days: item.days!, limit: item.limitDays, over: item.over })),
    ),
    tables: [
      {
        caption: 'Days in the current stage',
        head: ['Feature', 'Stage', 'Days', 'Limit'],
        rows: shown.map((item) => [
          { text: item.title, href: `/features/${item.feature}/` },
          { text: item.stage.name },
          { text: String(item.days) },
          { text: item.limitDays === null ? 'none' : String(item.limitDays) },
        ]),
      },
    ],
    ...(items.length > shown.length
      ? { note: { text: `The ${shown.length} furthest over their limit are shown; all ${items.length} features in progress are on`, link: { href: boardHref, text: 'the board', after: '.' } } }
      : {}),
  };
}
