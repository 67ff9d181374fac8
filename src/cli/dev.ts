import path from 'node:path';
import { validateRoot } from '../engine/validate.ts';
import { checkToday, parse } from './options.ts';
import { printReport } from './report.ts';

/**
 * Starts the internal site's dev server. Findings are printed first but do
 * not stop it: while editing, a page with an error is what you are fixing.
 */
export async function devCommand(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      content: { type: 'string', default: 'content' },
      today: { type: 'string' },
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    false,
  );
  const today = checkToday(values.today);
  const result = validateRoot(values.content, { today });
  printReport('text', result.summary, result.diagnostics);
  process.env.SHIPLOG_CONTENT = path.resolve(values.content);
  process.env.SHIPLOG_TODAY = today;
  process.env.SHIPLOG_DEV = '1';
  const { dev } = await import('astro');
  const root = path.resolve(import.meta.dirname, '../..');
  const server = await dev({ root, configFile: 'astro.internal.config.mjs', server: { port: Number(values.port), host: values.host } });
  process.stdout.write(`dev: internal handbook at http://${values.host}:${server.address.port}/\n`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.stop();
  return 0;
}
