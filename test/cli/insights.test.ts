import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.ts';
import { fixturesDir, removeTempDirs, tempDir } from '../helpers/repo.ts';
import { repoRoot } from '../helpers/validate.ts';

/**
 * `npm run insights` in-process on the hand-worked fixture of
 * test/views/insights.test.ts (the numbers are explained there).
 */
afterAll(removeTempDirs);

const numbers = path.join(fixturesDir, 'insights/numbers');
const TODAY = ['--today', '2026-11-21'];

function insights(...args: string[]) {
  return runInProcess('insights', args, { cwd: repoRoot, env: { NO_COLOR: '1' } });
}

describe('npm run insights', () => {
  it('prints a compact table as text by default', async () => {
    const run = await insights('--content', numbers, ...TODAY);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Release insights as of 2026-11-21: 9 features',
        '',
        'Days in stage     left  median  p90',
        'Development          8      31   61',
        'Internal Release     6      31   70',
        'Beta Release         3      70  191',
        '',
        'Lead time (days)                   features  median  p90',
        'Development → Public Release              6   108.5  197',
        'Internal Release → Public Release         5      61  194',
        '',
        'Made public per month, 2025-12 to 2026-11:',
        '   Dec Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov',
        '     1   0   0   0   0   1   1   0   0   1   1   0',
        '',
        'In progress now: Development 1 · Internal Release 1 · Beta Release 1',
        'Soak: 6 features left Internal Release, 1 after fewer than 7 days',
        'Targets: 2 of 4 public on time, late ones 12.5 days late (median); 1 feature past target and not public: delta (20 days)',
        "Past their stage's limit: delta (Beta Release, 112 of 60 days)",
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON document in the contract shape with --format json', async () => {
    const run = await insights('--content', numbers, ...TODAY, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect({
      asOf: json.asOf,
      stages: json.stages,
      leadTime: json.leadTime,
      wip: json.wip,
      soak: json.soak,
      targets: json.targets,
    }).toEqual({
      asOf: '2026-11-21',
      stages: {
        development: { exited: 8, medianDays: 31, p90Days: 61 },
        internal: { exited: 6, medianDays: 31, p90Days: 70 },
        beta: { exited: 3, medianDays: 70, p90Days: 191 },
        public: { exited: 0, medianDays: null, p90Days: null },
      },
      leadTime: {
        developmentToPublic: { count: 6, medianDays: 108.5, p90Days: 197 },
        internalToPublic: { count: 5, medianDays: 61, p90Days: 194 },
      },
      wip: { development: 1, internal: 1, beta: 1 },
      soak: { exited: 6, belowThreshold: 1 },
      targets: { publicWithTarget: 4, onTime: 2, medianSlipDays: 12.5, passedNotPublic: 1 },
    });
    expect(json.throughput.map((m: { count: number }) => m.count)).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0]);
    expect(json.throughput[0]).toEqual({ month: '2025-12', count: 1 });
  });

  it('applies --team and --since together', async () => {
    // mobile's features that went public on or after 2026-06-01: charlie alone (hotel went public in 2025).
    const run = await insights('--content', numbers, ...TODAY, '--format', 'json', '--team', 'mobile', '--since', '2026-06-01');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.leadTime.developmentToPublic).toEqual({ count: 1, medianDays: 197, p90Days: 197 });
    expect(json.targets).toEqual({ publicWithTarget: 1, onTime: 0, medianSlipDays: 14, passedNotPublic: 1 });
    // Left on or after 2026-06-01: delta's development (07-01) and internal (08-01), charlie's beta (09-15).
    expect(json.stages.development.exited).toBe(1);
    expect(json.stages.internal.exited).toBe(1);
    expect(json.stages.beta).toEqual({ exited: 1, medianDays: 191, p90Days: 191 });
    expect(json.wip).toEqual({ development: 0, internal: 0, beta: 1 });
    expect([json.team, json.since]).toEqual(['mobile', '2026-06-01']);
  });

  it('shows the filters in the text header', async () => {
    const run = await insights('--content', numbers, ...TODAY, '--team', 'web', '--since', '2026-01-01');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Release insights as of 2026-11-21 (team web, since 2026-01-01): 5 features');
  });

  it('gives zeros for a content root with no features', async () => {
    const dir = tempDir('shiplog-insights-');
    cpSync(numbers, dir, { recursive: true });
    rmSync(path.join(dir, 'features'), { recursive: true });
    const run = await insights('--content', dir, ...TODAY, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.features).toBe(0);
    expect(json.wip).toEqual({ development: 0, internal: 0, beta: 0 });
    expect(json.targets).toEqual({ publicWithTarget: 0, onTime: 0, medianSlipDays: null, passedNotPublic: 0 });
    const text = await insights('--content', dir, ...TODAY);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Development          0       –    –\n');
  });

  it('prints the numbers but exits 1, with the errors on stderr, when the content has errors', async () => {
    const run = await insights('--content', 'test/fixtures/cli/mixed', ...TODAY, '--format', 'json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).asOf).toBe('2026-11-21');
    expect(run.stderr).toMatch(/error/);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'insights: the content has errors: the numbers above leave out features whose page did not load, and may count wrong dates',
    );
  });

  it.each([
    [['--format', 'csv'], 'insights: --format must be text or json, not "csv"'],
    [['--since', '2026-02-30'], 'insights: --since must be a real date written YYYY-MM-DD, not "2026-02-30"'],
    [['--today', 'tomorrow'], 'insights: --today must be a real date written YYYY-MM-DD, not "tomorrow"'],
    [['--team', 'nobody'], 'insights: --team: no team "nobody" in team.yaml (teams: web, mobile, platform)'],
    [['--wat'], "insights: Unknown option '--wat'"],
  ])('exits 2 with one line for %j', async (args, line) => {
    const run = await insights('--content', numbers, ...args);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `${line}\n` });
  });

  it('exits 2 without a content root', async () => {
    const run = await insights('--content', 'test/fixtures/no-such-root');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^insights: content root not found: test\/fixtures\/no-such-root/);
  });

  it('prints its usage with --help', async () => {
    const run = await insights('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run insights -- \[--format text\|json\]/);
  });
});
