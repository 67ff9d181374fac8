// Preloaded into every Node process of a measured command (NODE_OPTIONS="--import ..."),
// npm's own included: at exit each process appends its pid, its script, its peak RSS and
// the CPU time it used, so the bench can tell the process doing the work from the npm
// wrapper around it.
// Plain JavaScript because npm may run on a Node that cannot strip TypeScript types.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.BENCH_RSS_FILE;
// Worker threads share their process's figures; the main thread reports them once.
if (out && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = { pid: process.pid, script: process.argv[1] ?? '', maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    appendFileSync(out, `${JSON.stringify(record)}\n`);
  });
}
