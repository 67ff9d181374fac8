import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../engine/finding.ts';
import { formatGithub } from '../engine/reporters/github.ts';
import { formatJson, type Summary } from '../engine/reporters/json.ts';
import { formatText } from '../engine/reporters/text.ts';
import type { Format } from './options.ts';

/** Colour only for a terminal; NO_COLOR and FORCE_COLOR have their usual meaning. */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function printReport(
  format: Format,
  summary: Summary,
  diagnostics: readonly Diagnostic[],
  extra: { json?: Record<string, unknown>; text?: string } = {},
): void {
  if (format === 'json') {
    process.stdout.write(formatJson(summary, diagnostics, extra.json));
    return;
  }
  if (format === 'github') {
    process.stdout.write(formatGithub(diagnostics));
    if (extra.text) process.stdout.write(extra.text);
    return;
  }
  const sourceOf = (d: Diagnostic) => {
    try {
      return readFileSync(d.path, 'utf8');
    } catch {
      return undefined;
    }
  };
  process.stdout.write(formatText(summary, diagnostics, { color: wantsColor(process.stdout), sourceOf }));
  if (extra.text) process.stdout.write(extra.text);
}

export function exitCodeFor(summary: Summary): number {
  return summary.errors > 0 ? 1 : 0;
}
