/**
 * The `site` section of `npm run bench`: a cold build of the internal
 * handbook (Starlight) from N synthetic features plus the shipped handbook,
 * next to a bare Starlight build and a bare Astro build of the same pages
 * made in the same run (bench/bare-sites.ts), and what a feature page
 * transfers (bench/transfer.ts).
 *
 * "Cold" means, before every build: the output folder removed, and Astro's
 * cacheDir removed (it holds the content data store, so no entry is reused;
 * for our site node_modules/.astro-internal/<hash of the content root>, for
 * the bare projects their .cache/), and the bare projects' `.astro/`.
 * Kept: `<repo>/.astro/` (generated types, rewritten by every build and
 * shared with the tests' builds, which hold the same lock) and Vite's
 * pre-bundled dev-toolbar modules (`node_modules/.vite/`, which do not depend
 * on the content; the repository's copy is shared with `npm run dev`, so the
 * bare projects keep theirs too, made by the warm-up round).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeBareAstro, writeBareStarlight, barePages, type BareProject } from './bare-sites.ts';
import { withBuildLock } from '../test/helpers/build.ts';
import { BENCH_TODAY, generateContentRoot, repoRoot } from './generate.ts';
import type { Command, RunResult } from './measure.ts';
import { runTree, type TreeRunResult } from './process-tree.ts';
import type { BenchSection } from './run.ts';
import { TransferMeter, type PageTransfer } from './transfer.ts';

/**
 * The targets: the CPU of our build within 1.1× that of bare Starlight with a
 * handbook-only sidebar (like ours) at every size measured from 1,000, peak
 * RSS of the build's process tree under 4.5 GB from 10,000, a feature page
 * under 60 KB.
 */
const TARGET = { ratioFrom: 1_000, ratio: 1.1, rssFrom: 10_000, rssMb: 4_500, transferKb: 60 };
/** The build the ratios compare with. */
const YARDSTICK = 'bare Starlight (sidebar: handbook only)';
/**
 * Above this size the default-sidebar Starlight build is left out: its sidebar
 * lists every page on every page, so at 10,000 features it would write about
 * 17 GB of HTML. The handbook-sidebar build stands in as the yardstick there.
 */
const DEFAULT_SIDEBAR_UP_TO = 5_000;
/** Features in the warm-up round's content root: enough to exercise every page kind, small enough to be quick. */
const WARMUP_FEATURES = 50;

const nodeBin = process.execPath;
const astroCli = path.join(repoRoot, 'node_modules/astro/bin/astro.mjs');

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (kb: number) => Math.round(kb / 1024).toLocaleString('en-US');
const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

interface SiteBuild {
  label: string;
  /** A bare Starlight build: the ratio columns compare with the first one in the table. */
  starlight?: boolean;
  /** The script of the Node process doing the work, as the RSS probe records it. */
  script: string;
  command: Command;
  /** Removes the output and caches: every measured build starts cold. */
  prepare(): void;
  /** The folder the site was built into. */
  siteDir: string;
  /** Throws unless the run built the whole site. */
  check(result: RunResult): void;
}

function htmlPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/** The feature ids of a content root: their pages are at features/<id>/index.html in every build. */
function featureIds(contentRoot: string): string[] {
  return readdirSync(path.join(contentRoot, 'features'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort();
}

const featurePage = (siteDir: string, id: string) => path.join(siteDir, 'features', id, 'index.html');

/** Every feature has its page: a missing one means the build skipped or failed pages, and its time would mean nothing. */
function checkFeaturePages(label: string, siteDir: string, ids: readonly string[], result: RunResult): void {
  const tail = (text: string) => text.slice(-3000);
  if (result.exitCode !== 0) throw new Error(`${label} failed (exit ${result.exitCode}).\nstdout: ${tail(result.stdout)}\nstderr: ${tail(result.stderr)}`);
  const missing = ids.filter((id) => !existsSync(featurePage(siteDir, id)));
  if (missing.length) throw new Error(`${label} built no page for ${missing.length} of ${ids.length} features, e.g. ${featurePage(siteDir, missing[0]!)}`);
}

function ourBuild(contentRoot: string, outRoot: string, ids: readonly string[]): SiteBuild {
  const siteDir = path.join(outRoot, 'internal');
  // astro.config.mjs keys its cacheDir by the content root (the shiplog() settings resolve it the same way).
  const cacheDir = path.join(repoRoot, 'node_modules/.astro-internal', createHash('sha256').update(path.resolve(contentRoot)).digest('hex').slice(0, 12));
  const label = 'ours: node scripts/build.mjs --only internal';
  return {
    label,
    script: 'scripts/build.mjs',
    siteDir,
    command: {
      label,
      file: nodeBin,
      args: ['scripts/build.mjs', '--content', contentRoot, '--today', BENCH_TODAY, '--only', 'internal', '--out', outRoot],
      cwd: repoRoot,
      worker: (usage) => usage.script.replaceAll('\\', '/').endsWith('scripts/build.mjs'),
    },
    prepare() {
      rmSync(outRoot, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    },
    check(result) {
      checkFeaturePages(label, siteDir, ids, result);
      // If the config stops putting its store there, "cold" would silently become warm.
      if (!existsSync(cacheDir)) {
        throw new Error(`the internal build left no cache at ${cacheDir}: astro.config.mjs changed its cacheDir; update ourBuild() in bench/site.ts so cold builds stay cold`);
      }
    },
  };
}

function bareBuild(label: string, project: BareProject, ids: readonly string[], starlight: boolean): SiteBuild {
  return {
    label,
    starlight,
    script: 'node_modules/astro/bin/astro.mjs',
    siteDir: project.outDir,
    command: {
      label,
      file: nodeBin,
      args: [astroCli, 'build', '--root', project.dir],
      cwd: repoRoot,
      worker: (usage) => usage.script.replaceAll('\\', '/').endsWith('astro/bin/astro.mjs'),
    },
    prepare() {
      for (const dir of [project.outDir, ...project.caches]) rmSync(dir, { recursive: true, force: true });
    },
    check: (result) => checkFeaturePages(label, project.outDir, ids, result),
  };
}

interface Measured {
  label: string;
  pages: number;
  allMs: number[];
  bestMs: number;
  /** Least tree CPU over the runs. */
  cpuMs: number | undefined;
  /** Highest over the runs. */
  mainRssKb: number;
  treeRssKb: number | undefined;
  /** Other work on the machine during the best run, in CPU ms. */
  otherCpuMsInBest: number | undefined;
  programs: Set<string>;
  /** CPU by kind of thread in the run with the least tree CPU (process-tree.ts). */
  threadCpuMs: Map<string, number> | undefined;
}

/**
 * Where our build's CPU goes next to the yardstick's, thread kind by thread
 * kind, largest difference first: what a change to close the gap has to
 * reduce (the main thread renders, `V8Worker` collects garbage,
 * `rolldown-worker` bundles, Pagefind indexes).
 */
function threadComparison(ours: Map<string, number>, bare: Map<string, number>): string {
  const kinds = [...new Set([...ours.keys(), ...bare.keys()])]
    .map((kind) => ({ kind, ours: ours.get(kind) ?? 0, bare: bare.get(kind) ?? 0 }))
    .filter((k) => k.ours >= 50 || k.bare >= 50)
    .sort((a, b) => b.ours - b.bare - (a.ours - a.bare));
  return (
    `CPU s by thread, ours / ${YARDSTICK} (sampled every 100 ms, lower bounds), largest difference first: ` +
    kinds.map((k) => `${k.kind} ${seconds(k.ours)} / ${seconds(k.bare)}`).join('; ') +
    '.'
  );
}

async function runBuild(build: SiteBuild): Promise<TreeRunResult> {
  build.prepare();
  const result = await withBuildLock(
    () => runTree(build.command),
    () => process.stderr.write('bench: site: waiting for a test\'s site build to finish (node_modules/.cache/shiplog-astro-build.lock)\n'),
  );
  build.check(result);
  const workers = result.processes.filter(build.command.worker);
  if (workers.length !== 1) {
    throw new Error(`${build.label}: expected one ${build.script} process in the RSS probe's records, found ${workers.length} (${result.processes.map((p) => p.script).join(', ') || 'none'})`);
  }
  return result;
}

/** Writes the bare projects for a content root; they live in fixed folders so their Vite caches survive between sizes. */
function bareBuilds(workDir: string, contentRoot: string, ids: readonly string[]): SiteBuild[] {
  const pages = barePages(contentRoot);
  const folder = (name: string) => path.join(workDir, name);
  return [
    ...(ids.length <= DEFAULT_SIDEBAR_UP_TO
      ? [bareBuild('bare Starlight (sidebar: every page)', writeBareStarlight(folder('bare-starlight'), pages, 'default'), ids, true)]
      : []),
    bareBuild(YARDSTICK, writeBareStarlight(folder('bare-starlight-handbook-sidebar'), pages, 'handbook'), ids, true),
    bareBuild('bare Astro + MDX', writeBareAstro(folder('bare-astro'), pages), ids, false),
  ];
}

export const siteSection: BenchSection = {
  id: 'site',
  title: 'Site build: the internal handbook from N synthetic features + the handbook, cold, vs bare Starlight and bare Astro builds of the same pages',
  defaults: { sizes: [1_000], runs: 2 },
  async run({ runs, sizes, workDir }) {
    const rows: string[][] = [];
    const notes: string[] = [];
    const outRoot = path.join(workDir, 'site-out');

    // One unmeasured round on a small root: loads node_modules into the file cache and makes the bare projects' Vite caches.
    process.stderr.write(`bench: site: warm-up round (${WARMUP_FEATURES} features)\n`);
    const warmupRoot = path.join(workDir, `content-${WARMUP_FEATURES}`);
    generateContentRoot({ count: WARMUP_FEATURES, out: warmupRoot });
    const warmupIds = featureIds(warmupRoot);
    for (const build of [ourBuild(warmupRoot, outRoot, warmupIds), ...bareBuilds(workDir, warmupRoot, warmupIds)]) await runBuild(build);

    for (const size of sizes) {
      const root = path.join(workDir, `content-${size}`);
      generateContentRoot({ count: size, out: root });
      const ids = featureIds(root);
      const builds = [ourBuild(root, outRoot, ids), ...bareBuilds(workDir, root, ids)];
      const records: Measured[] = builds.map((b) => ({
        label: b.label,
        pages: 0,
        allMs: [],
        bestMs: Infinity,
        cpuMs: undefined,
        mainRssKb: 0,
        treeRssKb: undefined,
        otherCpuMsInBest: undefined,
        programs: new Set(),
        threadCpuMs: undefined,
      }));
      let transfers: PageTransfer[] = [];
      for (let round = 0; round < runs; round++) {
        for (const [index, build] of builds.entries()) {
          process.stderr.write(`bench: site: N=${size}, run ${round + 1}/${runs}: ${build.label}\n`);
          const result = await runBuild(build);
          const record = records[index]!;
          record.pages = htmlPages(build.siteDir);
          record.allMs.push(result.wallMs);
          if (result.wallMs < record.bestMs) {
            record.bestMs = result.wallMs;
            record.otherCpuMsInBest = result.otherCpuMs;
          }
          if (result.treeCpuMs !== undefined && result.treeCpuMs < (record.cpuMs ?? Infinity)) {
            record.cpuMs = result.treeCpuMs;
            record.threadCpuMs = result.threadCpuMs;
          }
          record.mainRssKb = Math.max(record.mainRssKb, result.processes.find(build.command.worker)!.maxRssKb);
          if (result.treePeakRssKb !== undefined) record.treeRssKb = Math.max(record.treeRssKb ?? 0, result.treePeakRssKb);
          for (const program of result.programs) record.programs.add(program);
          // The pages do not change between runs; measure them once, while this build's output is on disk.
          if (index === 0 && round === 0) {
            const meter = new TransferMeter(build.siteDir);
            transfers = ids.map((id) => meter.measure(featurePage(build.siteDir, id)));
          }
        }
      }

      const ours = records[0]!;
      const yardstickIndex = builds.findIndex((b) => b.label === YARDSTICK);
      const bare = records[yardstickIndex]!;
      // Wall time is only a fair verdict when nothing else was running: more than a tenth of a CPU's worth of other work marks it "?".
      const contended = (m: Measured) => m.otherCpuMsInBest !== undefined && m.otherCpuMsInBest > 0.1 * m.bestMs;
      for (const [index, m] of records.entries()) {
        const isOurs = index === 0;
        const judgeRatio = isOurs && size >= TARGET.ratioFrom;
        const judgeRss = isOurs && size >= TARGET.rssFrom;
        const ratio = m.bestMs / bare.bestMs;
        const cpuRatio = m.cpuMs !== undefined && bare.cpuMs !== undefined ? m.cpuMs / bare.cpuMs : undefined;
        const peakKb = m.treeRssKb ?? m.mainRssKb;
        const targets = [
          ...(judgeRatio && cpuRatio !== undefined ? [{ text: `≤ ${TARGET.ratio.toFixed(2)}× its CPU`, met: cpuRatio <= TARGET.ratio }] : []),
          ...(judgeRss ? [{ text: `< ${TARGET.rssMb.toLocaleString('en-US')} MB peak (tree)`, met: peakKb / 1024 < TARGET.rssMb }] : []),
        ];
        rows.push([
          size.toLocaleString('en-US'),
          m.label,
          m.pages.toLocaleString('en-US'),
          seconds(m.bestMs),
          m.cpuMs === undefined ? '–' : seconds(m.cpuMs),
          megabytes(m.mainRssKb),
          m.treeRssKb === undefined ? '–' : megabytes(m.treeRssKb),
          ratio.toFixed(2),
          m.cpuMs === undefined || bare.cpuMs === undefined ? '–' : (m.cpuMs / bare.cpuMs).toFixed(2),
          targets.map((t) => t.text).join(', '),
          targets.length ? (targets.every((t) => t.met) ? 'yes' : 'NO') : '',
        ]);
        if (contended(m)) {
          notes.push(
            `N=${size.toLocaleString('en-US')}, ${m.label}: other processes used ${seconds(m.otherCpuMsInBest!)} CPU s during its best run (${seconds(m.bestMs)} s wall), ` +
              'so its wall time is inflated; the CPU column is the steadier comparison. Rerun on a quiet machine.',
          );
        }
      }
      notes.push(
        `N=${size.toLocaleString('en-US')}: the × columns compare with ${bare.label}. ` +
          `All runs (s): ${records.map((m, i) => `${i === 0 ? 'ours' : m.label} ${m.allMs.map(seconds).join('/')}`).join('; ')}. ` +
          `Programs in our build's process tree: ${[...ours.programs].join(', ') || 'unknown'}.`,
      );
      if (ours.threadCpuMs && bare.threadCpuMs) notes.push(`N=${size.toLocaleString('en-US')}: ${threadComparison(ours.threadCpuMs, bare.threadCpuMs)}`);
      if (transfers.length) {
        const totals = transfers.map((t) => t.totalGzipBytes).sort((a, b) => a - b);
        const median = totals[Math.floor((totals.length - 1) / 2)]!;
        const largest = transfers.reduce((a, b) => (b.totalGzipBytes > a.totalGzipBytes ? b : a));
        const met = largest.totalGzipBytes <= TARGET.transferKb * 1024;
        notes.push(
          `N=${size.toLocaleString('en-US')}: feature page transfer (gzip, HTML + CSS + JS, search files loaded on demand not counted), over all ${transfers.length} feature pages: ` +
            `median ${kilobytes(median)} KB, max ${kilobytes(largest.totalGzipBytes)} KB (${largest.page}: HTML ${kilobytes(largest.htmlGzipBytes)}, CSS ${kilobytes(largest.cssGzipBytes)}, JS ${kilobytes(largest.jsGzipBytes)} KB in ${largest.files.length} files); ` +
            `target ≤ ${TARGET.transferKb} KB: ${met ? 'met' : 'NOT met'}.`,
        );
      }
    }
    notes.push(
      `Every build is cold: output and Astro's cacheDir (content data store) removed first; Vite's pre-bundled dev-toolbar modules are kept for all builds. ` +
        `Wall time is the best of ${runs} runs after one warm-up round on ${WARMUP_FEATURES} features, the builds taking turns; CPU s is user + system of the whole process tree (Pagefind and git included), the least over the runs. ` +
        'Peak RSS (main) is the Node build process (getrusage, exact); peak RSS (tree) the largest sum over the process tree, sampled every 100 ms, highest over the runs. ' +
        `Our build also validates the content root before Astro starts, as \`npm run build\` does. ` +
        `The × columns compare with "${YARDSTICK}": \`starlight({ title })\` with a sidebar of the handbook pages, like ours. "sidebar: every page" is Starlight's default, which lists every page on every page (left out above N=${DEFAULT_SIDEBAR_UP_TO.toLocaleString('en-US')}). ` +
        `Targets: ours within ${TARGET.ratio}× the yardstick's CPU from N=${TARGET.ratioFrom.toLocaleString('en-US')} (CPU, not wall: it does not depend on what else the machine runs), under ${TARGET.rssMb.toLocaleString('en-US')} MB peak RSS (tree) from N=${TARGET.rssFrom.toLocaleString('en-US')}.`,
    );
    return {
      columns: ['N', 'build', 'pages', 'wall s', 'CPU s', 'peak RSS MB (main)', 'peak RSS MB (tree)', '× bare Starlight (wall)', '× bare Starlight (CPU)', 'target', 'met?'],
      rows,
      notes,
    };
  },
};
