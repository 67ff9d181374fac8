import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { featureFolderHistory } from '../src/cli/git.ts';
import { featureHistories } from '../src/views/history.ts';
import type { BenchSection } from './run.ts';
import { generateContentRoot } from './generate.ts';

/**
 * Reading the feature pages' history for the site (History sections,
 * /changes/, feeds): the build does one `git log` walk over
 * content/features/ and one `git cat-file --batch` for every version, then
 * parses them in process. Measured on a repository of N synthetic features
 * with a few commits each, against the floor of the obvious alternative: one
 * `git log --follow` per feature, which only lists commits and reads no
 * version yet.
 */

const ROUNDS = 3;
const COMMITS_PER_ROUND = 10;
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });

/**
 * A repository holding a synthetic content root whose every feature page was
 * created, then edited in each of ROUNDS rounds (a note in the body, an
 * earlier development date, another note), each round spread over
 * COMMITS_PER_ROUND commits, as pull requests would.
 */
function makeRepository(dir: string, size: number): { commits: number; versions: number; dateEdits: number } {
  generateContentRoot({ count: size, out: path.join(dir, 'content') });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Synthetic content');
  const folder = path.join(dir, 'content/features');
  const names = readdirSync(folder).filter((name) => name.endsWith('.mdx')).sort();
  let commits = 1;
  let dateEdits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let part = 0; part < COMMITS_PER_ROUND; part++) {
      for (const name of names.filter((_, index) => index % COMMITS_PER_ROUND === part)) {
        const file = path.join(folder, name);
        const text = readFileSync(file, 'utf8');
        // Round 2 moves the development date to the 1st (a history event), or adds a note where the date is written otherwise.
        const dated = round === 1 ? text.replace(/(\n {2}development: \d{4}-\d{2}-)\d{2}/, '$101') : text;
        if (dated !== text) dateEdits++;
        writeFileSync(file, dated !== text ? dated : `${text}\nNote ${round}.\n`);
      }
      git(dir, 'commit', '-q', '-a', '-m', `Round ${round + 1}, part ${part + 1} (#${commits})`);
      commits++;
    }
  }
  return { commits, versions: names.length * (ROUNDS + 1), dateEdits };
}

export const historySection: BenchSection = {
  id: 'history',
  title: 'Feature history for the site: one `git log` walk + one `git cat-file --batch` vs one `git log --follow` per feature',
  defaults: { sizes: [1000], runs: 3 },
  async run({ runs, sizes, workDir }) {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const size of sizes) {
      const dir = path.join(workDir, `history-${size}`);
      execFileSync('rm', ['-rf', dir]);
      const { commits, versions, dateEdits } = makeRepository(dir, size);
      const ids = readdirSync(path.join(dir, 'content/features')).map((name) => name.replace(/\.mdx$/, ''));
      const stages = ['development', 'internal', 'beta', 'public'];

      let walkBest = Infinity;
      let events = 0;
      for (let run = 0; run <= runs; run++) {
        const started = performance.now();
        const histories = featureHistories(await featureFolderHistory({ env }, dir, 'content/features', ['HEAD']), ids, stages);
        const elapsed = performance.now() - started;
        // The first run warms up the JIT and the file cache and is not counted.
        if (run > 0) walkBest = Math.min(walkBest, elapsed);
        events = [...histories.values()].reduce((sum, h) => sum + h.events.length, 0);
      }
      // One creation per feature, and one event per date edit (a day already the 1st makes none).
      if (events < size || events > size + dateEdits) throw new Error(`expected ${size} to ${size + dateEdits} history events, read ${events}: the walk missed versions`);

      let perFileBest = Infinity;
      for (let run = 0; run < Math.min(runs, 2); run++) {
        const started = performance.now();
        for (const id of ids) {
          const result = spawnSync('git', ['log', '--follow', '--format=%H', '--', `content/features/${id}.mdx`], { cwd: dir, env, encoding: 'utf8' });
          if (result.status !== 0) throw new Error(`git log --follow failed for ${id}: ${result.stderr}`);
        }
        perFileBest = Math.min(perFileBest, performance.now() - started);
      }
      const label = size.toLocaleString('en-US');
      rows.push([label, String(commits), versions.toLocaleString('en-US'), 'one walk: git log + git cat-file --batch, parsed', (walkBest / 1000).toFixed(2), '1.00']);
      rows.push([label, String(commits), versions.toLocaleString('en-US'), 'one git log --follow per feature (commits only, no versions read)', (perFileBest / 1000).toFixed(2), (perFileBest / walkBest).toFixed(1)]);
      notes.push(`N=${label}: ${events} history events read from ${versions.toLocaleString('en-US')} versions in ${commits} commits.`);
    }
    notes.push(`The walk: best of ${runs} runs after one warm-up, in this process (git's own work included). The per-feature row: best of ${Math.min(runs, 2)} runs; it would still have to read every version.`);
    return { columns: ['N features', 'commits', 'versions', 'how', 'best s', '× one walk'], rows, notes };
  },
};
