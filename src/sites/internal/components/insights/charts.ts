import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * The insights page's charts, drawn at build time with Observable Plot on
 * linkedom's DOM: static SVG strings, no client JavaScript. Each chart is
 * drawn twice, for a wide column and for a phone, because an SVG scaled down
 * to a phone's width shrinks its text below reading size; the page shows one
 * of the two with a container query.
 *
 * Colours are never set here: marks carry classes (`bar-main`, `bar-warn`,
 * `bar-alert`, `mark-limit`, `area-main`, `line-main`) that the page's CSS
 * fills with Starlight's theme colours, so both themes read well. Text and
 * axes use currentColor.
 *
 * Every SVG is `role="img"` with a <title> and a <desc> it is labelled by; the
 * numbers are also in a table beside it (InsightsChart.astro).
 */

export interface ChartSvg {
  wide: string;
  narrow: string;
}

export interface ChartText {
  /** Unique on the page: the ids of the <title> and <desc> derive from it. */
  id: string;
  title: string;
  /** What the chart shows, in words, for a screen reader. */
  description: string;
}

const WIDE = 680;
const NARROW = 340;
type Variant = 'wide' | 'narrow';

// One document for every chart of the build: Plot only creates elements in it.
let sharedDocument: Document | undefined;
function documentForPlot(): Document {
  sharedDocument ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return sharedDocument;
}

/** Plot's figure as accessible markup: its own <style> dropped (the page styles charts), labelled by a <title> and a <desc>. */
function finish(svg: Element, text: ChartText, variant: Variant): string {
  const doc = documentForPlot();
  svg.querySelector('style')?.remove();
  const titleId = `${text.id}-${variant}-title`;
  const descId = `${text.id}-${variant}-desc`;
  const title = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', titleId);
  title.textContent = text.title;
  const desc = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', descId);
  desc.textContent = text.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  svg.setAttribute('class', `insights-svg insights-svg-${variant}`);
  svg.setAttribute('font-size', '12');
  // Plot names its groups with aria-label ("bar", "x-axis tick"): inside role="img" they are noise, and a label on a generic group is an ARIA misuse.
  for (const node of svg.querySelectorAll('[aria-label]')) node.removeAttribute('aria-label');
  // Plot sets font-variant="tabular-nums" on axes, which is CSS, not an SVG attribute (the HTML checker refuses it): the page's CSS sets it.
  for (const node of svg.querySelectorAll('[font-variant]')) node.removeAttribute('font-variant');
  return svg.outerHTML;
}

function draw(text: ChartText, make: (variant: Variant) => Plot.PlotOptions): ChartSvg {
  const render = (variant: Variant) => {
    const width = variant === 'wide' ? WIDE : NARROW;
    const svg = Plot.plot({ ...make(variant), width, document: documentForPlot(), className: 'insights-plot' }) as unknown as Element;
    return finish(svg, text, variant);
  };
  return { wide: render('wide'), narrow: render('narrow') };
}

/** Shortens a label to `max` characters with an ellipsis. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export interface DurationRow {
  label: string;
  median: number | null;
  p90: number | null;
}

/**
 * Median as a bar and the 90th percentile as a tick, one row per label:
 * the days in each stage, and the lead times.
 */
export function durationChart(text: ChartText, rows: readonly DurationRow[]): ChartSvg {
  const withData = rows.filter((row) => row.median !== null);
  const max = Math.max(1, ...withData.map((row) => row.p90 ?? row.median ?? 0));
  return draw(text, (variant) => {
    const labelWidth = variant === 'wide' ? 180 : 118;
    return {
      height: 40 + rows.length * 44,
      marginLeft: labelWidth,
      marginRight: variant === 'wide' ? 150 : 20,
      x: { label: 'days', grid: true, domain: [0, max], nice: true, ticks: variant === 'wide' ? 8 : 4 },
      y: { label: null, domain: rows.map((row) => row.label), tickFormat: (label: string) => clip(label, variant === 'wide' ? 26 : 17), padding: 0.3 },
      marks: [
        Plot.barX(withData, { x: 'median', y: 'label', className: 'bar-main' }),
        Plot.tickX(
          withData.filter((row) => row.p90 !== null),
          { x: 'p90', y: 'label', className: 'mark-limit', strokeWidth: 3 },
        ),
        variant === 'wide'
          ? Plot.text(rows, {
              x: (row: DurationRow) => (row.median === null ? 0 : Math.max(row.median, row.p90 ?? 0)),
              y: 'label',
              text: (row: DurationRow) => (row.median === null ? 'none yet' : `median ${row.median} · p90 ${row.p90}`),
              textAnchor: 'start',
              dx: 8,
            })
          : Plot.text(rows, {
              x: 0,
              y: 'label',
              text: (row: DurationRow) => (row.median === null ? 'none yet' : ''),
              textAnchor: 'start',
              dx: 4,
            }),
        Plot.ruleX([0]),
      ],
    };
  });
}

/** Features made public per month: a column per month, oldest first. */
export function throughputChart(text: ChartText, months: readonly { month: string; count: number }[]): ChartSvg {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const label = (month: string, variant: Variant) => {
    const name = names[Number(month.slice(5, 7)) - 1]!;
    return variant === 'wide' ? name : name[0]!;
  };
  const max = Math.max(1, ...months.map((m) => m.count));
  return draw(text, (variant) => ({
    height: 220,
    marginLeft: 40,
    x: { label: null, domain: months.map((m) => m.month), tickFormat: (month: string) => label(month, variant), padding: 0.2 },
    y: { label: 'features', grid: true, domain: [0, max], nice: true, ticks: Math.min(5, max) },
    marks: [
      Plot.barY(months, { x: 'month', y: 'count', className: 'bar-main' }),
      Plot.text(
        months.filter((m) => m.count > 0),
        { x: 'month', y: 'count', text: (m: { count: number }) => String(m.count), dy: -7 },
      ),
      Plot.ruleY([0]),
    ],
  }));
}

export interface WipPoint {
  stage: string;
  date: string;
  count: number;
}

/**
 * Work in progress week by week: one small area chart per non-public stage,
 * sharing the time axis, each titled above with its stage and count now
 * (titles above rather than beside leave the width to the weeks).
 */
export function wipChart(text: ChartText, stages: readonly { name: string; now: number }[], points: readonly WipPoint[]): ChartSvg {
  const data = points.map((p) => ({ ...p, when: new Date(`${p.date}T00:00:00Z`) }));
  const max = Math.max(1, ...points.map((p) => p.count));
  return draw(text, (variant) => ({
    height: 30 + stages.length * 90,
    marginTop: 24,
    marginLeft: 32,
    marginRight: 16,
    x: { label: null, type: 'utc', ticks: variant === 'wide' ? 6 : 3 },
    y: { label: null, domain: [0, max], nice: true, ticks: Math.min(3, max), grid: true },
    fy: { label: null, domain: stages.map((s) => s.name), axis: null, padding: 0.4 },
    marks: [
      Plot.areaY(data, { x: 'when', y: 'count', fy: 'stage', className: 'area-main', curve: 'step-after' }),
      Plot.lineY(data, { x: 'when', y: 'count', fy: 'stage', className: 'line-main', curve: 'step-after', strokeWidth: 2 }),
      Plot.text(stages, {
        fy: 'name',
        frameAnchor: 'top-left',
        text: (s: { name: string; now: number }) => `${s.name}: ${s.now} now`,
        textAnchor: 'start',
        fontWeight: 'bold',
        dy: -12,
      }),
      Plot.ruleY([0]),
    ],
  }));
}

/**
 * Days in the soak stage of every feature that left it: a column per number
 * of days, those below the threshold in the warning colour, and the threshold
 * as a rule.
 */
export function soakChart(text: ChartText, days: readonly number[], threshold: number): ChartSvg {
  const counts = new Map<number, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const bins = [...counts].map(([day, count]) => ({ day, count, below: day < threshold }));
  const maxDay = Math.max(threshold + 1, ...days.map((d) => d + 1));
  const minDay = Math.min(0, ...days);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  return draw(text, (variant) => ({
    height: 220,
    marginLeft: 40,
    marginRight: 20,
    x: { label: 'days in stage', domain: [minDay, maxDay], ticks: variant === 'wide' ? 10 : 5 },
    y: { label: 'features', grid: true, domain: [0, maxCount], nice: true, ticks: Math.min(5, maxCount) },
    marks: [
      Plot.rectY(
        bins.filter((b) => b.below),
        { x1: 'day', x2: (b: { day: number }) => b.day + 1, y: 'count', className: 'bar-warn', insetLeft: 0.5, insetRight: 0.5 },
      ),
      Plot.rectY(
        bins.filter((b) => !b.below),
        { x1: 'day', x2: (b: { day: number }) => b.day + 1, y: 'count', className: 'bar-main', insetLeft: 0.5, insetRight: 0.5 },
      ),
      ...(threshold > 0
        ? [
            Plot.ruleX([threshold], { className: 'mark-limit', strokeWidth: 2, strokeDasharray: '4 3' }),
            Plot.text([threshold], { x: (t: number) => t, frameAnchor: 'top', text: () => `${threshold}-day soak`, textAnchor: 'start', dx: 5, dy: 4 }),
          ]
        : []),
      Plot.ruleY([0]),
    ],
  }));
}

export interface CountRow {
  label: string;
  count: number;
  /** bar-main, bar-warn or bar-alert */
  tone: 'main' | 'warn' | 'alert';
}

/** A few counts as horizontal bars, each in its tone: the targets kept and missed. */
export function countChart(text: ChartText, rows: readonly CountRow[]): ChartSvg {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return draw(text, (variant) => ({
    height: 40 + rows.length * 40,
    marginLeft: variant === 'wide' ? 200 : 130,
    marginRight: 40,
    x: { label: 'features', grid: true, domain: [0, max], nice: true, ticks: Math.min(variant === 'wide' ? 8 : 4, max) },
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: (label: string) => clip(label, variant === 'wide' ? 30 : 20), padding: 0.3 },
    marks: [
      ...(['main', 'warn', 'alert'] as const).map((tone) => Plot.barX(rows.filter((r) => r.tone === tone), { x: 'count', y: 'label', className: `bar-${tone}` })),
      Plot.text(rows, { x: 'count', y: 'label', text: (r: CountRow) => String(r.count), textAnchor: 'start', dx: 6 }),
      Plot.ruleX([0]),
    ],
  }));
}

export interface AgeRow {
  label: string;
  days: number;
  limit: number | null;
  over: boolean;
}

/** Features by days in their current stage, each with its stage's limit as a tick; those past it in the alert colour. */
export function ageingChart(text: ChartText, rows: readonly AgeRow[]): ChartSvg {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.days, r.limit ?? 0)));
  // Titles can repeat; the y scale needs distinct values, so rows are keyed by position.
  const keyed = rows.map((row, i) => ({ ...row, key: String(i) }));
  return draw(text, (variant) => ({
    height: 40 + Math.max(1, rows.length) * 26,
    marginLeft: variant === 'wide' ? 230 : 128,
    marginRight: 30,
    x: { label: 'days in stage', grid: true, domain: [0, max], nice: true, ticks: variant === 'wide' ? 8 : 4 },
    y: {
      label: null,
      domain: keyed.map((r) => r.key),
      tickFormat: (key: string) => clip(keyed[Number(key)]?.label ?? '', variant === 'wide' ? 32 : 16),
      padding: 0.25,
    },
    marks: [
      Plot.barX(
        keyed.filter((r) => r.over),
        { x: 'days', y: 'key', className: 'bar-alert' },
      ),
      Plot.barX(
        keyed.filter((r) => !r.over),
        { x: 'days', y: 'key', className: 'bar-main' },
      ),
      Plot.tickX(
        keyed.filter((r) => r.limit !== null),
        { x: 'limit', y: 'key', className: 'mark-limit', strokeWidth: 3 },
      ),
      Plot.ruleX([0]),
    ],
  }));
}
