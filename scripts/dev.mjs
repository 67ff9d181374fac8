#!/usr/bin/env node
// `npm run dev`: the internal site with live reload (see the README).
// No compile cache here, unlike the quick commands: Astro loads thousands of freshly built
// modules (a page's chunk per feature), and caching them wrote tens of thousands of entries
// that no later build reads (900 MB in the system's temp folder after a day of benchmarks).
const { devCommand } = await import('../src/cli/dev.ts');
const { runCommand } = await import('../src/cli/options.ts');
const { processIo } = await import('../src/cli/process-io.ts');

process.exitCode = await runCommand('dev', devCommand, process.argv.slice(2), processIo({ stopOnInterrupt: true }));
