import type { CommandIo } from './io.ts';

/**
 * The CommandIo of this process, for the entry points in scripts/ only: the
 * one module of src/cli that reads `process` (besides build and dev handing
 * settings to Astro, which reads them from process.env).
 *
 * A reader that stops early (`| head`) closes the pipe: the command then
 * stops quietly, not with an EPIPE stack trace.
 */
export function processIo(options: { stopOnInterrupt?: boolean } = {}): CommandIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  let signal: AbortSignal | undefined;
  if (options.stopOnInterrupt) {
    // Only for a command that waits for Ctrl-C (dev): a listener replaces Node's default exit on SIGINT.
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    signal = controller.signal;
  }
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, signal };
}
