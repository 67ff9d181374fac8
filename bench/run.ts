/**
 * `npm run bench`: the benchmarks, one table per section.
 *
 * Each section is an entry in `sections` below: it prepares its inputs,
 * measures, and returns a table plus notes. A new benchmark (say, the site
 * build against a bare Starlight site) is one more entry. Figures are
 * printed, never asserted: timing is not a pass/fail test. What does fail the
 * run is a measured command that did not do the full job (a synthetic root
 * with errors, a crashed process), because its time would mean nothing.
 *
 * Usage: npm run bench -- [--runs N] [--sizes 1000,10000] [--section validate|positions|site|adoption|insights|history]...
 *
 *   --section  run only these sections (repeat the flag for several); default all.
 *   --sizes    feature counts to generate and measure, for every section run;
 *              default per section: validate 1000,10000; site 1000.
 *   --runs     measured runs per command, best wall time kept; default per
 *              section: validate 5; site 2 (each site run is a cold build).
 *
 * The site build at 10,000 features takes several minutes per build:
 *   npm run bench -- --section site --sizes 10000 --runs 1
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_TODAY, countFeatures, generateContentRoot, repoRoot } from './generate.ts';
import { markdownTable, measureAll, type Command, type RunResult } from './measure.ts';
import { positionsSection } from './positions.ts';
import { siteSection } from './site.ts';
import { historySection } from './history.ts';
import { adoptionSection } from './adoption.ts';
import { insightsSection } from './insights.ts';

export interface BenchOptions {
  runs: number;
  sizes: number[];
  workDir: string;
}

export interface SectionResult {
  columns: string[];
  rows: string[][];
  notes: string[];
}

export interface BenchSection {
  id: string;
  title: string;
  /** What the section measures when --sizes or --runs is not given (validate's 1000,10000 and 5 otherwise). */
  defaults?: { sizes?: number[]; runs?: number };
  run(options: BenchOptions): Promise<SectionResult>;
}

const nodeBin = process.execPath;
/** The node flags `npm run validate` passes (package.json), so the "no npm" rows run the same program. */
const VALIDATE_NODE_FLAGS: string[] = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  .validate!.split(/\s+/)
  .filter((word) => word.startsWith('--'));
const npmBin = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const scriptIs = (suffix: string) => (usage: { script: string }) => usage.script.replaceAll('\\', '/').endsWith(suffix);

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');
const megabytes = (mb: number) => mb.toFixed(0);

interface ValidateReport {
  summary: { files: number; errors: number; warnings: number };
  diagnostics: { file: string; line: number; rule: string; severity: string; message: string }[];
}

/** The validator's JSON report, found after the lines npm prints before running a script. */
function validateReport(result: RunResult): ValidateReport {
  const start = result.stdout.indexOf('\n{');
  const json = result.stdout.startsWith('{') ? result.stdout : start >= 0 ? result.stdout.slice(start + 1) : '';
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`validate printed no JSON report (exit ${result.exitCode}).\nstdout: ${result.stdout.slice(0, 500)}\nstderr: ${result.stderr.slice(0, 2000)}`);
  }
}

/** The issue's target on the 2-core reference machine. */
const TARGET = { features: 10_000, ratio: 1.5, rssMb: 300 };

/** Months after BENCH_TODAY: the same valid pages, now mostly stale, late or short of post-launch work (warnings). */
const LATER_TODAY = '2027-03-01';

const validateSection: BenchSection = {
  id: 'validate',
  title: 'Validator: `npm run validate` on N synthetic valid features vs the floor: read + split + YAML + zod, and the same with every body parsed by the MDX compiler',
  async run({ runs, sizes, workDir }) {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const size of sizes) {
      const root = path.join(workDir, `content-${size}`);
      generateContentRoot({ count: size, out: root });
      const features = countFeatures(root);
      const validateArgs = ['--content', root, '--today', BENCH_TODAY, '--format', 'json'];
      const warnings = new Map<string, { warnings: number; files: number }>();
      const checkValid = (label: string) => (result: RunResult) => {
        const report = validateReport(result);
        warnings.set(label, { warnings: report.summary.warnings, files: new Set(report.diagnostics.map((d) => d.file)).size });
        if (result.exitCode !== 0 || report.summary.errors !== 0) {
          const first = report.diagnostics
            .filter((d) => d.severity === 'error')
            .slice(0, 3)
            .map((d) => `  ${d.file}:${d.line} ${d.rule}: ${d.message}`);
          throw new Error(
            `the synthetic content root ${root} does not validate: exit ${result.exitCode}, ${report.summary.errors} errors, e.g.\n${first.join('\n')}\n` +
              'The generator (bench/generate.ts) no longer matches the process or the rules; fix it before benchmarking.',
          );
        }
        if (report.summary.files < features) throw new Error(`validate checked ${report.summary.files} files, fewer than the ${features} features in ${root}`);
      };
      const laterLabel = `node scripts/validate.mjs --today ${LATER_TODAY} (no npm)`;
      const commands: Command[] = [
        {
          label: 'baseline: read + split + YAML + zod',
          file: nodeBin,
          args: ['bench/baseline.ts', root],
          cwd: repoRoot,
          worker: scriptIs('bench/baseline.ts'),
          check(result) {
            if (result.exitCode !== 0) throw new Error(`baseline failed (exit ${result.exitCode}): ${result.stderr.slice(0, 1000)}`);
          },
        },
        {
          // validate compiles every body (mdx-syntax), so the floor of its job includes the compiler's parse.
          label: 'baseline + bodies: the same, each body parsed by satteri',
          file: nodeBin,
          args: ['bench/baseline.ts', root, '--bodies'],
          cwd: repoRoot,
          worker: scriptIs('bench/baseline.ts'),
          check(result) {
            if (result.exitCode !== 0) throw new Error(`baseline --bodies failed (exit ${result.exitCode}): ${result.stderr.slice(0, 1000)}`);
          },
        },
        {
          label: 'node scripts/validate.mjs (no npm)',
          file: nodeBin,
          args: [...VALIDATE_NODE_FLAGS, 'scripts/validate.mjs', ...validateArgs],
          cwd: repoRoot,
          worker: scriptIs('scripts/validate.mjs'),
          check: checkValid('direct'),
        },
        {
          // Positions are only worked out for files with findings; this row shows what that costs when most files have some.
          label: laterLabel,
          file: nodeBin,
          args: [...VALIDATE_NODE_FLAGS, 'scripts/validate.mjs', '--content', root, '--today', LATER_TODAY, '--format', 'json'],
          cwd: repoRoot,
          worker: scriptIs('scripts/validate.mjs'),
          check: checkValid('later'),
        },
        {
          label: 'npm run validate',
          file: npmBin,
          args: ['run', 'validate', '--', ...validateArgs],
          cwd: repoRoot,
          worker: scriptIs('scripts/validate.mjs'),
          check: checkValid('npm'),
        },
      ];
      const results = await measureAll(commands, runs);
      const base = results[0]!;
      const withBodies = results[1]!;
      // A single-threaded run whose wall time is well above its CPU time was waiting for a CPU that other work held.
      const contended = results.filter((m) => m.bestMs > m.workerCpuMs * 1.2 + 50).map((m) => m.label);
      if (contended.length) {
        notes.push(
          `N=${size.toLocaleString('en-US')}: wall time well above CPU time for ${contended.join(', ')}: other work on the machine slowed these runs, ` +
            'so the wall-time verdict is marked "?"; the CPU columns are the steadier comparison. Rerun on a quiet machine.',
        );
      }
      for (const [index, m] of results.entries()) {
        const ratio = m.bestMs / withBodies.bestMs;
        // The issue sets the target at 10,000 features; smaller runs are shown for the trend.
        const judged = index > 1 && size >= TARGET.features && m.label !== laterLabel;
        const met = ratio <= TARGET.ratio && m.workerRssMb < TARGET.rssMb;
        rows.push([
          size.toLocaleString('en-US'),
          m.label,
          seconds(m.bestMs),
          seconds(m.workerCpuMs),
          perSecond(features, m.bestMs),
          megabytes(m.workerRssMb),
          (m.bestMs / base.bestMs).toFixed(2),
          (m.bestMs / withBodies.bestMs).toFixed(2),
          (m.workerCpuMs / withBodies.workerCpuMs).toFixed(2),
          judged ? `≤ ${TARGET.ratio.toFixed(2)}×, < ${TARGET.rssMb} MB` : '',
          judged ? `${met ? 'yes' : 'NO'}${contended.length ? '?' : ''}` : '',
        ]);
      }
      const direct = results.find((m) => m.label.startsWith('node scripts/validate.mjs (no npm)'))!;
      const viaNpm = results.find((m) => m.label === 'npm run validate')!;
      const npmOverhead = viaNpm.bestMs - direct.bestMs;
      const [valid, later] = [warnings.get('direct')!, warnings.get('later')!];
      notes.push(
        `N=${size.toLocaleString('en-US')}: on ${BENCH_TODAY}, ${valid.warnings} warnings in ${valid.files} files; on ${LATER_TODAY}, ${later.warnings} warnings in ${later.files} files ` +
          '(no errors in either): only files with findings pay for positions.',
      );
      notes.push(
        `N=${size.toLocaleString('en-US')}: npm's own wrapper adds ${seconds(npmOverhead)} s ` +
          `(npm runs on ${viaNpm.wrapperRssMb === undefined ? 'an unprobed Node' : `a separate Node process, peak ${megabytes(viaNpm.wrapperRssMb)} MB`}); ` +
          `all runs (s): ${results.map((m) => `${m.label.split(':')[0]} ${m.allMs.map(seconds).join('/')}`).join('; ')}.`,
      );
    }
    notes.push(
      `Wall time is the best of ${runs} runs after one warm-up, the commands taking turns; CPU s (user + system) is the least of those runs and peak RSS the highest, both for the Node process doing the work (not npm). ` +
        'CPU s does not include npm\'s own process. ' +
        `files/s counts feature files. The target applies from N=${TARGET.features.toLocaleString('en-US')}.`,
    );
    return {
      columns: ['N', 'command', 'wall s', 'CPU s', 'files/s', 'peak RSS MB', '× baseline (wall)', '× baseline + bodies (wall)', '× baseline + bodies (CPU)', 'target (wall, RSS)', 'met?'],
      rows,
      notes,
    };
  },
};

/** Every benchmark, in the order they run and print. */
export const sections: BenchSection[] = [validateSection, positionsSection, siteSection, adoptionSection, insightsSection, historySection];

const loadAverage = () => os.loadavg()[0]!.toFixed(2);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      sizes: { type: 'string' },
      section: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const givenRuns = values.runs === undefined ? undefined : Number(values.runs);
  const givenSizes = values.sizes?.split(',').map(Number);
  if ((givenRuns !== undefined && (!Number.isInteger(givenRuns) || givenRuns < 1)) || givenSizes?.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error('--runs takes a positive whole number and --sizes a comma-separated list of them');
  }
  const chosen = values.section ? sections.filter((s) => values.section!.includes(s.id)) : sections;
  if (chosen.length === 0) throw new Error(`no such section; sections: ${sections.map((s) => s.id).join(', ')}`);
  const workDir = path.join(repoRoot, 'bench/.work');
  mkdirSync(workDir, { recursive: true });

  const report: string[] = [`Shiplog benchmarks, ${new Date().toISOString()}, Node ${process.version}`, ''];
  for (const section of chosen) {
    process.stderr.write(`bench: ${section.id}...\n`);
    const before = loadAverage();
    const runs = givenRuns ?? section.defaults?.runs ?? 5;
    const sizes = givenSizes ?? section.defaults?.sizes ?? [1000, 10000];
    const result = await section.run({ runs, sizes, workDir });
    const notes = [...result.notes, `Load average (1 min) on ${os.cpus().length} CPUs: ${before} before, ${loadAverage()} after; other work on the machine slows wall times.`];
    report.push(`## ${section.title}`, '', markdownTable(result.columns, result.rows), '', ...notes.map((n) => `- ${n}`), '');
  }
  const text = report.join('\n');
  process.stdout.write(`${text}\n`);
  writeFileSync(path.join(workDir, 'last-run.md'), `${text}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
