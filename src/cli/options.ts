import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isCalendarDate, todayUtc } from '../engine/dates.ts';
import { UsageError } from '../engine/load.ts';
import { envOf, type Command, type CommandIo } from './io.ts';

/** `--online` (validate, check-pr, build): judge bugs by the tracker's live state (tracker.ts); without it, no network request. */
export const onlineOption = { online: { type: 'boolean', default: false } } as const satisfies ParseArgsConfig['options'];

/** Options shared by validate and check-pr (cli.md). */
export const reportOptions = {
  content: { type: 'string', default: 'content' },
  format: { type: 'string', default: 'text' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  ...onlineOption,
} as const satisfies ParseArgsConfig['options'];

export type Format = 'text' | 'json' | 'github';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    // parseArgs explains the problem well; keep its first line, drop its error code.
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

export function checkFormat(format: string): Format {
  if (format === 'text' || format === 'json' || format === 'github') return format;
  throw new UsageError(`--format must be text, json or github, not "${format}"`);
}

export function checkToday(today: string | undefined): string {
  if (today === undefined) return todayUtc();
  if (!isCalendarDate(today)) throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${today}"`);
  return today;
}

/**
 * The content root named by --content, resolved against the working
 * directory; a UsageError (exit 2) when it is not a folder. The engine gets
 * the absolute path, so nothing depends on the process's own directory.
 */
export function contentRootOf(io: CommandIo, given: string): string {
  const root = path.resolve(io.cwd, given);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`content root not found: ${given} (pass --content DIR with process.yaml, team.yaml, features/, docs/ and handbook/)`);
  }
  return root;
}

/**
 * Runs a command, mapping failures to the contract's exit codes: a
 * UsageError (bad arguments, missing content root, unreadable git base) is
 * exit 2 with one line on stderr. Anything else that stops the command (an
 * Astro build failure, say) is also exit 2 with its message, whose later
 * lines carry the cause, but never a stack trace unless SHIPLOG_DEBUG is set.
 * Returns the exit code; the entry point sets it on the process.
 */
export async function runCommand(name: string, command: Command, args: string[], io: CommandIo): Promise<number> {
  try {
    return await command(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (envOf(io).SHIPLOG_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    const shown = error instanceof UsageError ? message.split('\n')[0]! : message.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
    io.stderr.write(`${name}: ${shown.trimEnd()}\n`);
    return 2;
  }
}
