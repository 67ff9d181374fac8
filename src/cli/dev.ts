import path from 'node:path';
import { validateRoot } from '../engine/validate.ts';
import { setAstroEnvironment } from './build.ts';
import type { CommandIo } from './io.ts';
import { checkToday, contentRootOf, parse } from './options.ts';
import { printReport } from './report.ts';

/**
 * Starts the internal site's dev server. Findings are printed first but do
 * not stop it: while editing, a page with an error is what you are fixing.
 * Runs until `io.signal` is aborted (Ctrl-C; without a signal, until the
 * process ends).
 */
export async function devCommand(args: string[], io: CommandIo): Promise<number> {
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
  const contentRoot = contentRootOf(io, values.content);
  const result = validateRoot(contentRoot, { today, cwd: io.cwd });
  printReport(io, 'text', result.summary, result.diagnostics);
  // Astro reads these from process.env (see setAstroEnvironment).
  setAstroEnvironment(io, { SHIPLOG_CONTENT: contentRoot, SHIPLOG_TODAY: today, SHIPLOG_DEV: '1' });
  const { dev } = await import('astro');
  const root = path.resolve(import.meta.dirname, '../..');
  const server = await dev({ root, configFile: 'astro.config.mjs', server: { port: Number(values.port), host: values.host } });
  io.stdout.write(`dev: internal handbook at http://${values.host}:${server.address.port}/\n`);
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.stop();
  return 0;
}
