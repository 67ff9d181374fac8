/**
 * Runs a command the way a user would and measures it: wall time from spawn
 * to exit, and the peak RSS of every Node process it started (npm's own
 * included), read from a probe preloaded through NODE_OPTIONS.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs');

export interface NodeProcessUsage {
  pid: number;
  /** argv[1] of the process: the script it ran (npm's cli for the wrapper). */
  script: string;
  maxRssKb: number;
  /** User plus system CPU time. */
  cpuMs: number;
}

export interface RunResult {
  wallMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  processes: NodeProcessUsage[];
}

export interface Command {
  /** What the table shows. */
  label: string;
  file: string;
  args: string[];
  cwd: string;
  /** Picks the process whose RSS is reported (the one doing the work, not a wrapper). */
  worker: (usage: NodeProcessUsage) => boolean;
  /** Throws when a run's output shows it did not do the full job (so its time would be meaningless). */
  check?: (result: RunResult) => void;
  /** Environment variables for this command only, over the bench's own. */
  env?: Record<string, string>;
}

/** The environment that preloads the RSS probe into every Node process a command starts. */
export function probedEnvironment(rssFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    BENCH_RSS_FILE: rssFile,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(probe).href}`].filter(Boolean).join(' '),
    NO_COLOR: '1',
  };
}

/** What the probe wrote: one record per Node process that exited. */
export function probeRecords(rssFile: string): NodeProcessUsage[] {
  if (!existsSync(rssFile)) return [];
  return readFileSync(rssFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NodeProcessUsage);
}

export async function runOnce(command: Command): Promise<RunResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'shiplog-bench-'));
  const rssFile = path.join(scratch, 'rss.jsonl');
  try {
    const env = probedEnvironment(rssFile, command.env);
    const started = performance.now();
    const child = spawn(command.file, command.args, { cwd: command.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    const wallMs = performance.now() - started;
    const processes = probeRecords(rssFile);
    return { wallMs, exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), processes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface Measurement {
  label: string;
  /** Best wall time of the measured runs. */
  bestMs: number;
  allMs: number[];
  /** Highest peak RSS of the worker process over the measured runs. */
  workerRssMb: number;
  /** Least CPU time (user + system) the worker process used in a measured run: less noisy than wall time on a busy machine. */
  workerCpuMs: number;
  /** Highest peak RSS of any other Node process (e.g. npm itself), if there was one. */
  wrapperRssMb?: number | undefined;
}

/**
 * One warm-up run of each command (file cache), then `runs` rounds that run
 * every command once each. Interleaving keeps a change in the machine's load
 * from favouring whichever command happened to run at a quiet moment.
 */
export async function measureAll(commands: readonly Command[], runs: number, warmups = 1): Promise<Measurement[]> {
  const records = commands.map(() => ({ allMs: [] as number[], workerRss: 0, workerCpu: Infinity, wrapperRss: undefined as number | undefined }));
  for (let round = 0; round < warmups + runs; round++) {
    for (const [index, command] of commands.entries()) {
      const result = await runOnce(command);
      command.check?.(result);
      const worker = result.processes.filter(command.worker);
      if (worker.length !== 1) {
        throw new Error(`${command.label}: expected one worker process in the RSS probe's records, found ${worker.length} (${result.processes.map((p) => p.script).join(', ') || 'none'})`);
      }
      if (round < warmups) continue;
      const record = records[index]!;
      record.allMs.push(result.wallMs);
      record.workerRss = Math.max(record.workerRss, worker[0]!.maxRssKb);
      record.workerCpu = Math.min(record.workerCpu, worker[0]!.cpuMs);
      for (const other of result.processes) if (!command.worker(other)) record.wrapperRss = Math.max(record.wrapperRss ?? 0, other.maxRssKb);
    }
  }
  return commands.map((command, index) => {
    const record = records[index]!;
    return {
      label: command.label,
      bestMs: Math.min(...record.allMs),
      allMs: record.allMs,
      workerRssMb: record.workerRss / 1024,
      workerCpuMs: record.workerCpu,
      wrapperRssMb: record.wrapperRss === undefined ? undefined : record.wrapperRss / 1024,
    };
  });
}

/** A Markdown table, so the output can go straight into notes and pull requests. */
export function markdownTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
