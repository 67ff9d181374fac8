import { repoRoot } from '../helpers/validate.ts';
import { runInProcess, type Run } from '../helpers/cli.ts';

export type { Run };

/**
 * `npm run validate -- ARGS`, in-process, in the repository's root unless
 * told otherwise. Colour variables and SHIPLOG_DEBUG from the test runner's
 * environment are dropped so each test decides them; the output is not a
 * terminal.
 */
export function runValidate(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.SHIPLOG_DEBUG;
  return runInProcess('validate', args, { cwd: options.cwd ?? repoRoot, env: { ...env, ...options.env } });
}

export const TODAY = ['--today', '2026-11-21'];
