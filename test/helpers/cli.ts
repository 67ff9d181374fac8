import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { advanceCommand, type AdvanceHooks } from '../../src/cli/advance.ts';
import { announceCommand } from '../../src/cli/announce.ts';
import { buildCommand } from '../../src/cli/build.ts';
import { bugsCommand } from '../../src/cli/bugs.ts';
import { changelogCommand } from '../../src/cli/changelog.ts';
import { checkPrCommand } from '../../src/cli/check-pr.ts';
import { insightsCommand } from '../../src/cli/insights.ts';
import { devCommand } from '../../src/cli/dev.ts';
import type { Command, CommandIo, Environment } from '../../src/cli/io.ts';
import { newFeatureCommand } from '../../src/cli/new-feature.ts';
import { runCommand } from '../../src/cli/options.ts';
import { schemasCommand } from '../../src/cli/schemas.ts';
import { validateCommand } from '../../src/cli/validate.ts';
import { repoRoot } from './validate.ts';

/**
 * Runs a command in the test's own process, as its npm script would run it
 * (through runCommand, so usage errors become exit 2 and one line on stderr),
 * with output collected as strings. The output is not a terminal, as in a
 * pipe. Only test/cli/smoke.test.ts starts the scripts as processes.
 */

export const commands = {
  validate: validateCommand,
  'check-pr': checkPrCommand,
  advance: advanceCommand,
  'new-feature': newFeatureCommand,
  build: buildCommand,
  changelog: changelogCommand,
  dev: devCommand,
  schemas: schemasCommand,
  insights: insightsCommand,
  announce: announceCommand,
  bugs: bugsCommand,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** A CommandIo whose output is collected, for a test to read afterwards. */
export function collectingIo(cwd: string, env: Environment = {}): CommandIo & { out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  return {
    cwd,
    env,
    out,
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
}

/** `npm run NAME -- ARGS` in `cwd`, in-process. `hooks` reach advance's test seam. */
export async function runInProcess(name: CommandName, args: readonly string[], options: { cwd: string; env?: Environment; hooks?: AdvanceHooks }): Promise<Run> {
  const io = collectingIo(options.cwd, options.env);
  const command: Command = name === 'advance' && options.hooks ? (a, i) => advanceCommand(a, i, options.hooks) : commands[name];
  const status = await runCommand(name, command, [...args], io);
  return { status, ...io.out };
}

/**
 * `npm run NAME -- ARGS` as a real process: `node scripts/NAME.mjs` under the
 * tests' Node (the project's pinned Node 24), with pipes for stdout and
 * stderr. For the smoke tests, which check that each entry point wires its
 * command to the process.
 */
export function spawnScript(name: CommandName, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', `${name}.mjs`), ...args], {
    cwd: options.cwd,
    env: options.env ?? { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
