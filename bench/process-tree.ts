/**
 * Runs a command and measures its whole process tree, for commands that
 * start other programs (a site build runs Pagefind, a native binary, and
 * git): wall time, peak RSS of each Node process from the RSS probe (exact,
 * from getrusage at exit), and on Linux
 *
 * - tree peak RSS: the largest sum of VmRSS over every live process in the
 *   tree, sampled from /proc every `sampleMs`. A sample can miss a spike
 *   shorter than the interval, so it is a lower bound; the main process's
 *   exact figure is taken as the floor.
 * - tree CPU: user + system time of the command and all its descendants,
 *   from this process's `cutime`/`cstime` in /proc/self/stat (the kernel adds
 *   a child's total, its waited-for descendants included, when it is reaped).
 * - other CPU: what the rest of the machine used meanwhile, from /proc/stat,
 *   so a report can say when other work inflated a wall time.
 *
 * No system tools are needed (GNU time is not installed everywhere, and its
 * %M is the largest single process, not the tree).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { probedEnvironment, probeRecords, type Command, type RunResult } from './measure.ts';

const hasProc = existsSync('/proc/self/stat');
// USER_HZ: 100 on every Linux build Node supports (sysconf is not reachable from Node).
const CLOCK_TICKS_PER_SECOND = 100;

export interface TreeRunResult extends RunResult {
  /** Sampled peak of the summed RSS of the process tree; undefined without /proc. */
  treePeakRssKb: number | undefined;
  /** User + system CPU of the whole tree; undefined without /proc. */
  treeCpuMs: number | undefined;
  /** Every program seen in the tree (command names from /proc), for the notes. */
  programs: string[];
  /**
   * CPU time the rest of the machine used while the command ran (all CPUs' busy
   * time minus the tree's and this process's): other work competing for the
   * CPUs, which inflates wall time. Undefined without /proc.
   */
  otherCpuMs: number | undefined;
  /**
   * CPU by kind of thread, `program/thread` (`node/main` is Node's JavaScript
   * thread; numbered pool threads add up under one name, e.g.
   * `node/V8Worker` for V8's collector and compiler helpers), from each
   * thread's last sample: a thread that ended between samples loses up to
   * `sampleMs`, so these are lower bounds beside `treeCpuMs`, which is exact.
   * Undefined without /proc.
   */
  threadCpuMs: Map<string, number> | undefined;
}

/** A `/proc/<pid>/stat` (or `/proc/<pid>/task/<tid>/stat`) file: the command name and the fields after it (the name may contain spaces and parentheses). */
function procStat(of: number | 'self' | `${number}/task/${string}`): { name: string; fields: string[] } | undefined {
  try {
    const text = readFileSync(`/proc/${of}/stat`, 'utf8');
    return { name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), fields: text.slice(text.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return undefined; // the process or thread exited between listing and reading
  }
}

/** `/proc/<pid>/stat` fields after the command name. */
function statFields(pid: number | 'self'): string[] | undefined {
  return procStat(pid)?.fields;
}

/** Busy time of all CPUs together, from the first line of /proc/stat. */
function machineBusyTicks(): number {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal [guest guest_nice: already inside user and nice]
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number) as number[];
  return user! + nice! + system! + irq! + softirq! + steal!;
}

function childrenCpuTicks(): number {
  const fields = statFields('self')!;
  // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  return Number(fields[13]) + Number(fields[14]);
}

/** The pids of `root` and all its descendants alive right now, each with its parent's (`undefined` for `root`). */
function treeOf(root: number): { pid: number; parent: number | undefined }[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(statFields(pid)?.[1]);
    if (!Number.isInteger(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: { pid: number; parent: number | undefined }[] = [];
  const queue: { pid: number; parent: number | undefined }[] = [{ pid: root, parent: undefined }];
  while (queue.length) {
    const node = queue.pop()!;
    tree.push(node);
    queue.push(...(children.get(node.pid) ?? []).map((pid) => ({ pid, parent: node.pid })));
  }
  return tree;
}

function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A child caught between fork and exec still runs its parent's program (the
 * same command line) and its pages are the parent's, shared copy-on-write,
 * so counting its VmRSS would count the parent twice. A build starts git
 * and Pagefind this way; during a 10,000-feature build one such sample
 * counted a 1.9 GB second Node process that was git starting.
 */
function unexecutedFork(commandLine: string, parentCommandLine: string | undefined): boolean {
  return commandLine === parentCommandLine;
}

/** Each thread of `pid` with its name and user + system CPU ticks so far. */
function threadTicks(pid: number): { tid: number; name: string; ticks: number }[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // exited
  }
  return tids.flatMap((tid) => {
    const stat = procStat(`${pid}/task/${tid}`);
    // utime(11) stime(12) after the name, as in childrenCpuTicks().
    return stat ? [{ tid: Number(tid), name: stat.name, ticks: Number(stat.fields[11]) + Number(stat.fields[12]) }] : [];
  });
}

/** `node/main` for a process's first thread, else its name without a pool number (`tokio-rt-worker`, `V8Worker`). */
function threadKind(program: string, pid: number, tid: number, name: string): string {
  return `${program}/${tid === pid ? 'main' : name.replace(/[-_ ]?\d+$/, '')}`;
}

/** `commandLine` is the process's /proc cmdline, read once per sample (commandLine()). */
function residentKb(pid: number, commandLine: string): { rssKb: number; name: string } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    // Zombies and kernel threads have no VmRSS line.
    if (!rss) return undefined;
    // Node renames its process "MainThread"; the program's path says what it is.
    const argv0 = commandLine.split('\0', 1)[0] ?? '';
    return { rssKb: Number(rss[1]), name: path.basename(argv0) || '?' };
  } catch {
    return undefined; // exited while being read
  }
}

export async function runTree(command: Command, sampleMs = 100): Promise<TreeRunResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'shiplog-bench-'));
  const rssFile = path.join(scratch, 'rss.jsonl');
  try {
    const env = probedEnvironment(rssFile, command.env);
    const cpuBefore = hasProc ? childrenCpuTicks() : 0;
    const busyBefore = hasProc ? machineBusyTicks() : 0;
    const selfBefore = process.cpuUsage();
    const started = performance.now();
    const child = spawn(command.file, command.args, { cwd: command.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let treePeakRssKb = 0;
    const programs = new Set<string>();
    /** Per thread (`pid/tid`), its kind and its CPU ticks at the latest sample. */
    const threads = new Map<string, { kind: string; ticks: number }>();
    const sample = () => {
      if (!child.pid) return;
      let sum = 0;
      const tree = treeOf(child.pid);
      const commandLines = new Map(tree.map(({ pid }) => [pid, commandLine(pid)]));
      for (const { pid, parent } of tree) {
        const own = commandLines.get(pid);
        if (own === undefined || (parent !== undefined && unexecutedFork(own, commandLines.get(parent)))) continue;
        const usage = residentKb(pid, own);
        if (!usage) continue;
        sum += usage.rssKb;
        programs.add(usage.name);
        for (const thread of threadTicks(pid)) {
          threads.set(`${pid}/${thread.tid}`, { kind: threadKind(usage.name, pid, thread.tid, thread.name), ticks: thread.ticks });
        }
      }
      treePeakRssKb = Math.max(treePeakRssKb, sum);
    };
    const sampler = hasProc ? setInterval(sample, sampleMs) : undefined;
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    const processes = probeRecords(rssFile);
    const toMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
    const treeCpuMs = hasProc ? toMs(childrenCpuTicks() - cpuBefore) : undefined;
    const self = process.cpuUsage(selfBefore);
    const otherCpuMs = hasProc ? Math.max(0, toMs(machineBusyTicks() - busyBefore) - treeCpuMs! - (self.user + self.system) / 1000) : undefined;
    const nodePeakKb = Math.max(0, ...processes.map((p) => p.maxRssKb));
    const threadCpuMs = new Map<string, number>();
    for (const { kind, ticks } of threads.values()) threadCpuMs.set(kind, (threadCpuMs.get(kind) ?? 0) + toMs(ticks));
    return {
      wallMs,
      exitCode,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
      processes,
      treePeakRssKb: hasProc ? Math.max(treePeakRssKb, nodePeakKb) : undefined,
      treeCpuMs,
      programs: [...programs].sort(),
      otherCpuMs,
      threadCpuMs: hasProc ? threadCpuMs : undefined,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
