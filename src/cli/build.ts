import path from 'node:path';
import { validateRoot } from '../engine/validate.ts';
import { checkToday, parse } from './options.ts';
import { printReport } from './report.ts';

const usage = `Usage: npm run build -- [--content DIR] [--today YYYY-MM-DD] [--out DIR] [--only internal|public]

Validates the content root; on any error prints the same diagnostics as
\`npm run validate\` and stops before Astro starts. Otherwise builds the
internal handbook into DIR/internal/ and the public site into DIR/public/
(DIR defaults to dist).
`;

const sites = { internal: 'astro.internal.config.mjs', public: 'astro.public.config.mjs' } as const;

export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      content: { type: 'string', default: 'content' },
      today: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const today = checkToday(values.today);
  const result = validateRoot(values.content, { today });
  if (result.summary.errors > 0) {
    printReport('text', result.summary, result.diagnostics);
    process.stderr.write('build: stopped: fix the errors above first (nothing was built)\n');
    return 1;
  }
  if (result.summary.warnings > 0) printReport('text', result.summary, result.diagnostics);

  // The sites read these while Astro renders them (src/sites/shared/env.ts).
  process.env.SHIPLOG_CONTENT = path.resolve(values.content);
  process.env.SHIPLOG_TODAY = today;
  // A production build whatever the caller's environment (test runners set
  // NODE_ENV=test, which would make Astro build in development mode).
  process.env.NODE_ENV = 'production';
  const { build } = await import('astro');
  const root = path.resolve(import.meta.dirname, '../..');
  const which = values.only ? [values.only] : (['internal', 'public'] as const);
  for (const site of which) {
    const configFile = sites[site as keyof typeof sites];
    if (!configFile) throw new Error(`--only must be internal or public, not "${site}"`);
    const outDir = path.resolve(values.out, site);
    process.stdout.write(`\nbuild: ${site} site -> ${path.relative(process.cwd(), outDir) || '.'}/\n`);
    await build({ root, configFile, outDir, logLevel: 'warn' });
  }
  return 0;
}
