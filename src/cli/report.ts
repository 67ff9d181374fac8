import { readContentFile } from '../engine/content-files.ts';
import type { Diagnostic } from '../engine/finding.ts';
import { formatGithub } from '../engine/reporters/github.ts';
import { formatJson, type Summary } from '../engine/reporters/json.ts';
import { formatText } from '../engine/reporters/text.ts';
import { envOf, type CommandIo, type OutputStream } from './io.ts';
import type { Format } from './options.ts';

/** Colour only for a terminal; NO_COLOR and FORCE_COLOR (from the command's environment) have their usual meaning. */
export function wantsColor(io: CommandIo, stream: OutputStream = io.stdout): boolean {
  const env = envOf(io);
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * A diagnostic's file as it is on disk now, for the source lines of the text
 * report, read as the loader reads content: only a plain file, within the
 * size limit, never waiting on a FIFO (a diagnostic can name a link to
 * /dev/zero or a pipe, which is exactly why it is a diagnostic).
 */
export function sourceOnDisk(diagnostic: Diagnostic): string | undefined {
  const read = readContentFile(diagnostic.path);
  return 'text' in read ? read.text : undefined;
}

export function printReport(
  io: CommandIo,
  format: Format,
  summary: Summary,
  diagnostics: readonly Diagnostic[],
  extra: { json?: Record<string, unknown>; text?: string } = {},
): void {
  if (format === 'json') {
    io.stdout.write(formatJson(summary, diagnostics, extra.json));
    return;
  }
  if (format === 'github') {
    io.stdout.write(formatGithub(diagnostics));
    if (extra.text) io.stdout.write(extra.text);
    return;
  }
  io.stdout.write(formatText(summary, diagnostics, { color: wantsColor(io), sourceOf: sourceOnDisk }));
  if (extra.text) io.stdout.write(extra.text);
}

export function exitCodeFor(summary: Summary): number {
  return summary.errors > 0 ? 1 : 0;
}
