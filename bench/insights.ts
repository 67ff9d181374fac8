/**
 * The `insights` section of `npm run bench`: what /insights/ and
 * `npm run insights` cost on N synthetic features.
 *
 * In this process, on the build's one load of the content root (made once,
 * not timed again per row):
 * - the numbers (`computeInsights`) for every page the site builds: all
 *   teams plus one per team of team.yaml;
 * - the page models with their charts (`insightsBlocks`: the numbers, the
 *   sentences and the tables, and Observable Plot drawing every chart twice,
 *   wide and narrow, on linkedom), for the same pages: this is all the work
 *   the insights pages add to a build beyond Starlight's page shell, which
 *   each of them costs like any other page (the `site` section measures it);
 * - for scale, the load and validation of the content root, which the build
 *   does once whether or not it has an insights page.
 * As processes: `npm run insights --format json` (no npm) next to
 * `npm run validate --format json` (no npm) on the same root: the command's
 * extra time over the validation it includes.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { validateRoot } from '../src/engine/validate.ts';
import { computeInsights } from '../src/views/insights.ts';
import { insightsBlocks } from '../src/sites/internal/components/insights/sections.ts';
import { BENCH_TODAY, generateContentRoot, repoRoot } from './generate.ts';
import { measureAll, type Command } from './measure.ts';
import type { BenchSection } from './run.ts';

const nodeBin = process.execPath;
const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** The node flags each npm script passes, so the measured processes run the same program as `npm run`. */
const flagsOf = (script: string) => scripts[script]!.split(/\s+/).filter((word) => word.startsWith('--'));
const scriptIs = (suffix: string) => (usage: { script: string }) => usage.script.replaceAll('\\', '/').endsWith(suffix);

const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/** Best wall time and least CPU time of `runs` runs after one warm-up. */
function time<T>(runs: number, work: () => T): { wallMs: number; cpuMs: number; result: T } {
  let wallMs = Infinity;
  let cpuMs = Infinity;
  let result!: T;
  for (let run = 0; run <= runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    result = work();
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (run === 0) continue;
    wallMs = Math.min(wallMs, elapsed);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs, result };
}

export const insightsSection: BenchSection = {
  id: 'insights',
  title: 'Insights: the numbers and charts of /insights/ (every team page) in-process, and `npm run insights` vs `npm run validate`, on N synthetic features',
  defaults: { sizes: [1000, 10000], runs: 3 },
  async run({ runs, sizes, workDir }) {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const size of sizes) {
      const root = path.join(workDir, `content-${size}`);
      generateContentRoot({ count: size, out: root });
      const N = size.toLocaleString('en-US');

      const loaded = time(Math.min(runs, 2), () => validateRoot(root, { today: BENCH_TODAY }));
      const content = loaded.result.load.content;
      const errors = loaded.result.diagnostics.filter((d) => d.severity === 'error');
      if (!content || errors.length > 0) throw new Error(`the synthetic root ${root} does not validate (${errors.length} errors): fix bench/generate.ts first`);
      const teams: (string | undefined)[] = [undefined, ...content.team.teams.map((team) => team.id)];
      const pages = teams.length;

      const numbers = time(runs, () => teams.map((team) => computeInsights(content, { asOf: BENCH_TODAY, team })));
      const charts = time(runs, () =>
        teams.map((team) => insightsBlocks(computeInsights(content, { asOf: BENCH_TODAY, team }), team ? `/features/?team=${team}` : '/features/')),
      );
      const svgBytes = charts.result[0]!.reduce((sum, block) => sum + block.chart.wide.length + block.chart.narrow.length, 0);
      rows.push(
        [N, 'load + validate the content root (once per build, with or without insights; for scale)', ms(loaded.wallMs), ms(loaded.cpuMs), ''],
        [N, `numbers: computeInsights for ${pages} pages (all teams + ${pages - 1} teams)`, ms(numbers.wallMs), ms(numbers.cpuMs), ''],
        [N, `pages: numbers + sentences + tables + 14 Plot SVGs each, ${pages} pages`, ms(charts.wallMs), ms(charts.cpuMs), kb(svgBytes)],
      );

      const args = ['--content', root, '--today', BENCH_TODAY, '--format', 'json'];
      const commands: Command[] = [
        {
          label: 'node scripts/validate.mjs --format json (no npm)',
          file: nodeBin,
          args: [...flagsOf('validate'), 'scripts/validate.mjs', ...args],
          cwd: repoRoot,
          worker: scriptIs('scripts/validate.mjs'),
          check(result) {
            if (result.exitCode !== 0) throw new Error(`validate failed (exit ${result.exitCode}): ${result.stderr.slice(0, 1000)}`);
          },
        },
        {
          label: 'node scripts/insights.mjs --format json (no npm)',
          file: nodeBin,
          args: [...flagsOf('insights'), 'scripts/insights.mjs', ...args],
          cwd: repoRoot,
          worker: scriptIs('scripts/insights.mjs'),
          check(result) {
            if (result.exitCode !== 0) throw new Error(`insights failed (exit ${result.exitCode}): ${result.stderr.slice(0, 1000)}`);
            const json = JSON.parse(result.stdout) as { features: number };
            if (json.features !== content.features.length) throw new Error(`insights counted ${json.features} features of ${content.features.length}`);
          },
        },
      ];
      const [validate, insights] = await measureAll(commands, runs);
      rows.push(
        [N, validate!.label, ms(validate!.bestMs), ms(validate!.workerCpuMs), ''],
        [N, insights!.label, ms(insights!.bestMs), ms(insights!.workerCpuMs), ''],
      );
      notes.push(
        `N=${N}: the insights pages add ${ms(charts.wallMs)} ms of their own work to a build (${ms(charts.wallMs / pages)} ms a page, ${pages} pages), ` +
          `${((100 * charts.wallMs) / loaded.wallMs).toFixed(1)}% of the build's one load and validation; ` +
          `the command adds ${ms(insights!.bestMs - validate!.bestMs)} ms to validate's ${ms(validate!.bestMs)} ms. ` +
          `The all-teams page carries ${kb(svgBytes)} KB of SVG (before gzip).`,
      );
    }
    notes.push(
      `In-process rows: best of ${runs} runs after one warm-up (the load: of ${Math.min(runs, 2)}). The pages' Starlight shell is not in these rows: it costs what any other page costs (see the site section), once per insights page. ` +
        'Process rows: best wall time, least CPU of the worker, as in the validate section.',
    );
    return { columns: ['N', 'what', 'wall ms', 'CPU ms', 'SVG KB'], rows, notes };
  },
};
