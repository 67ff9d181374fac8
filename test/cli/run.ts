import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../helpers/validate.ts';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node scripts/validate.ts ARGS` the way `npm run validate` does: the
 * same Node as the tests (the project's pinned Node 24), a real process, real
 * stdout/stderr pipes (so not a TTY). Colour variables from the caller's
 * environment are dropped so each test decides them.
 */
export function runValidate(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.SHIPLOG_DEBUG;
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/validate.ts'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const TODAY = ['--today', '2026-11-21'];
