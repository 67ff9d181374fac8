/**
 * What a command may use of the world around it. Commands never read
 * `process`: the entry points in scripts/ build a CommandIo from it
 * (process-io.ts), and tests pass strings to collect and a folder of their
 * own, so most command tests run in the test's own process.
 */

/** Where a command writes: process.stdout in a terminal, a string collector in a test. */
export interface OutputStream {
  write(text: string): unknown;
  /** True for a terminal, where colour is on by default. */
  readonly isTTY?: boolean | undefined;
}

/** Environment variables, as in process.env. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface CommandIo {
  /** The working directory: relative paths in arguments are resolved against it, and files are shown relative to it. */
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The environment the command reads (NO_COLOR, FORCE_COLOR, SHIPLOG_*, GITHUB_TOKEN); empty when left out. */
  env?: Environment | undefined;
  /** Aborted when a long-running command (dev) should stop, e.g. on Ctrl-C. */
  signal?: AbortSignal | undefined;
}

/** A command: parses its arguments, does its work through `io`, and returns the exit code of cli.md. */
export type Command = (args: string[], io: CommandIo) => Promise<number>;

/** The environment of `io`, never undefined. */
export function envOf(io: CommandIo): Environment {
  return io.env ?? {};
}
