/**
 * The `adoption` section of `npm run bench`: an adopted handbook of N
 * generated plain `.md` pages (bench/adoption-handbook.ts: no frontmatter,
 * nested folders, `_`, capitals and spaces in names, `.md` links, anchors,
 * images) in a content root with a few features.
 *
 * - validate, next to the read+parse floor (bench/adoption-floor.ts): every
 *   page read and its tree built by the sites' parser;
 * - the internal build, cold, next to bare Starlight building the same pages
 *   in the same run (bench/bare-sites.ts), each with its sidebar listing
 *   every page.
 *
 * The handbook's known broken links (about 4%, as in a real one) are
 * recorded once with `validate --suppress-all`, as an adopter would, so that
 * validate exits 0 and the build runs.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeBareStarlight, type BarePage } from './bare-sites.ts';
import { writeAdoptedHandbook } from './adoption-handbook.ts';
import { BENCH_TODAY, generateContentRoot, repoRoot } from './generate.ts';
import { measureAll, type Command, type RunResult } from './measure.ts';
import type { BenchSection } from './run.ts';
import { withBuildLock } from '../test/helpers/build.ts';
import { firstHeading } from '../src/engine/load.ts';
import { pageTransfer } from '../test/site/helpers/transfer.ts';

/** The goals: validate within 1.5x the floor, the build within 1.1x bare Starlight's CPU, a page under 50 KB. */
const TARGET = { validate: 1.5, build: 1.1, transferKb: 50 };
/** Features beside the handbook: enough for every generated page kind, few enough that the handbook dominates. */
const FEATURES = 20;

const nodeBin = process.execPath;
const astroCli = path.join(repoRoot, 'node_modules/astro/bin/astro.mjs');
const scriptIs = (suffix: string) => (usage: { script: string }) => usage.script.replaceAll('\\', '/').endsWith(suffix);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function mustSucceed(label: string) {
  return (result: RunResult) => {
    if (result.exitCode !== 0) throw new Error(`${label} failed (exit ${result.exitCode}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  };
}

/** The generated handbook's pages as bare Starlight pages: the title its heading, the body unchanged. */
function barePagesOf(handbook: string, files: readonly string[]): BarePage[] {
  return files.map((file) => {
    const body = readFileSync(path.join(handbook, file), 'utf8');
    return { file: `adopted/${file}`, title: firstHeading(body) ?? path.posix.basename(file, '.md'), description: '', body };
  });
}

export const adoptionSection: BenchSection = {
  id: 'adoption',
  title: 'Adoption: N generated plain .md handbook pages (no frontmatter, nested folders, .md links, anchors, images): validate vs the read+parse floor; the internal build vs bare Starlight on the same pages, cold',
  defaults: { sizes: [900], runs: 2 },
  async run({ runs, sizes, workDir }) {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const size of sizes) {
      const root = path.join(workDir, `adoption-${size}`);
      rmSync(root, { recursive: true, force: true });
      generateContentRoot({ count: FEATURES, out: root });
      const { pages, broken } = writeAdoptedHandbook(root, size);
      const validate = (extra: string[]) => ['scripts/validate.mjs', '--content', root, '--today', BENCH_TODAY, '--format', 'json', ...extra];
      // As an adopter does on day one: record the known broken links, then every run passes.
      await measureAll([{ label: 'suppress-all', file: nodeBin, args: validate(['--suppress-all']), cwd: repoRoot, worker: scriptIs('scripts/validate.mjs'), check: mustSucceed('validate --suppress-all') }], 1, 0);

      const validation = await measureAll(
        [
          { label: 'floor: read + parse every page (satteri)', file: nodeBin, args: ['bench/adoption-floor.ts', root], cwd: repoRoot, worker: scriptIs('bench/adoption-floor.ts'), check: mustSucceed('floor') },
          { label: 'node scripts/validate.mjs', file: nodeBin, args: validate([]), cwd: repoRoot, worker: scriptIs('scripts/validate.mjs'), check: mustSucceed('validate') },
        ],
        Math.max(runs, 3),
      );
      const [floor, ours] = validation;
      const validateRatio = ours!.workerCpuMs / floor!.workerCpuMs;
      rows.push([`${size}`, 'validate', seconds(floor!.workerCpuMs), seconds(ours!.workerCpuMs), `${validateRatio.toFixed(2)}x`, `${TARGET.validate}x`]);

      // The builds: ours from the content root, bare Starlight from the same pages (titles from their headings).
      const outRoot = path.join(workDir, 'adoption-out');
      const cacheDir = path.join(repoRoot, 'node_modules/.astro-internal', createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12));
      const bare = writeBareStarlight(path.join(workDir, 'bare-starlight-adoption'), barePagesOf(path.join(root, 'handbook/adopted'), pages), 'default');
      // The pages' images, beside them as in the handbook.
      for (const folder of new Set(pages.map((file) => path.posix.dirname(file)))) {
        copyFileSync(path.join(root, 'handbook/adopted', folder, 'diagram.png'), path.join(bare.dir, 'src/content/docs/adopted', folder, 'diagram.png'));
      }
      const cold = (dirs: string[]) => () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
      const builds: (Command & { prepare: () => void })[] = [
        {
          label: 'bare Starlight, same pages',
          file: nodeBin,
          args: [astroCli, 'build', '--root', bare.dir],
          cwd: repoRoot,
          worker: scriptIs('astro/bin/astro.mjs'),
          check: mustSucceed('bare Starlight'),
          prepare: cold([bare.outDir, ...bare.caches]),
        },
        {
          label: 'ours: node scripts/build.mjs --only internal',
          file: nodeBin,
          args: ['scripts/build.mjs', '--content', root, '--today', BENCH_TODAY, '--only', 'internal', '--out', outRoot],
          cwd: repoRoot,
          worker: scriptIs('scripts/build.mjs'),
          check: mustSucceed('our build'),
          prepare: cold([outRoot, cacheDir]),
        },
      ];
      const cpu = new Map<string, number>();
      for (let round = 0; round < runs; round++) {
        for (const build of builds) {
          process.stderr.write(`bench: adoption: N=${size}, run ${round + 1}/${runs}: ${build.label}\n`);
          build.prepare();
          const [measured] = await withBuildLock(() => measureAll([build], 1, 0));
          cpu.set(build.label, Math.min(cpu.get(build.label) ?? Infinity, measured!.workerCpuMs));
        }
      }
      const bareCpu = cpu.get(builds[0]!.label)!;
      const ourCpu = cpu.get(builds[1]!.label)!;
      rows.push([`${size}`, 'internal build', seconds(bareCpu), seconds(ourCpu), `${(ourCpu / bareCpu).toFixed(2)}x`, `${TARGET.build}x`]);

      const siteDir = path.join(outRoot, 'internal');
      const sample = readdirSync(path.join(siteDir, 'adopted'))[0]!;
      const transfer = pageTransfer(siteDir, `/adopted/${sample}/`);
      notes.push(
        `N=${size}: ${pages.length} pages (${broken.length} broken links on purpose, all suppressed); a handbook page (/adopted/${sample}/) transfers ${(transfer.total / 1024).toFixed(1)} KB gzipped on first load ` +
          `(HTML ${(transfer.html / 1024).toFixed(1)}, CSS ${(transfer.css / 1024).toFixed(1)}, JS ${(transfer.js / 1024).toFixed(1)}; goal under ${TARGET.transferKb} KB).`,
      );
      if (!existsSync(path.join(siteDir, 'pagefind'))) notes.push('The build made no search index.');
    }
    notes.push('CPU is user + system seconds of the worker process, least over the runs; floor and bare Starlight are the yardsticks (the "floor / bare" column).');
    return { columns: ['pages', 'what', 'floor / bare (CPU s)', 'ours (CPU s)', 'ratio', 'goal'], rows, notes };
  },
};
