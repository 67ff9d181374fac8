import path from 'node:path';
import { loadContent } from '../engine/load.ts';
import { validateLoaded } from '../engine/validate.ts';
import { rememberValidation } from '../sites/integration/site-load.ts';
import { envOf, type CommandIo } from './io.ts';
import { checkToday, contentRootOf, onlineOption, parse } from './options.ts';
import { printReport } from './report.ts';
import { fetchTrackerState } from './tracker.ts';

const usage = `Usage: npm run build -- [--content DIR] [--today YYYY-MM-DD] [--out DIR] [--only internal|public] [--online]

Validates the content root; on any error prints the same diagnostics as
\`npm run validate\` and stops before Astro starts. Otherwise builds the
internal handbook into DIR/internal/ and the public site into DIR/public/
(DIR defaults to dist). --online validates bugs by the tracker's live state
and shows it, with the time it was read, on the internal site.
`;

const sites = { internal: 'astro.config.mjs', public: 'astro.public.config.mjs' } as const;

export async function buildCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parse(
    args,
    {
      content: { type: 'string', default: 'content' },
      today: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      ...onlineOption,
    },
    false,
  );
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  const today = checkToday(values.today);
  const contentRoot = contentRootOf(io, values.content);
  const load = loadContent(contentRoot, { cwd: io.cwd });
  const tracker = values.online && load.content ? await fetchTrackerState(io, load.content) : undefined;
  const result = validateLoaded(load, { today, tracker });
  if (result.summary.errors > 0) {
    printReport(io, 'text', result.summary, result.diagnostics);
    io.stderr.write('build: stopped: fix the errors above first (nothing was built)\n');
    return 1;
  }
  if (result.summary.warnings > 0) printReport(io, 'text', result.summary, result.diagnostics);

  setAstroEnvironment(io, {
    SHIPLOG_CONTENT: contentRoot,
    SHIPLOG_TODAY: today,
    NODE_ENV: 'production',
    // Astro's and Vite's loggers colour their lines unless told not to: no escape codes in a CI log or a file.
    ...(isTerminal(io.stdout) ? {} : { NO_COLOR: '1' }),
  });
  // Astro runs in this process: the sites take the content as just validated instead of reading it again.
  if (result.load.content) rememberValidation(contentRoot, today, result.load, result.diagnostics, tracker);
  const { build } = await import('astro');
  const root = path.resolve(import.meta.dirname, '../..');
  const which = values.only ? [values.only] : (['internal', 'public'] as const);
  for (const site of which) {
    const configFile = sites[site as keyof typeof sites];
    if (!configFile) throw new Error(`--only must be internal or public, not "${site}"`);
    const outDir = path.resolve(io.cwd, values.out, site);
    io.stdout.write(`\nbuild: ${site} site -> ${path.relative(io.cwd, outDir) || '.'}/\n`);
    await build({ root, configFile, outDir, logLevel: 'warn' });
  }
  return 0;
}

/**
 * The Astro config files read the shiplog() integration's settings from
 * process.env (settingsFromEnvironment), and Astro builds in this process: so build and
 * dev, unlike every other command, write the real process environment. First
 * the command's own environment (the SHIPLOG_* settings a caller gave in
 * `io.env`, such as SHIPLOG_PUBLIC_URL), then the values the command decides.
 * NODE_ENV=production makes a production build whatever the caller's
 * environment (test runners set NODE_ENV=test, which would make Astro build in
 * development mode).
 */
export function setAstroEnvironment(io: CommandIo, values: Record<string, string>): void {
  const env = envOf(io);
  for (const [key, value] of Object.entries(env)) if (key.startsWith('SHIPLOG_') && value !== undefined) process.env[key] = value;
  Object.assign(process.env, values);
}

function isTerminal(stream: unknown): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
