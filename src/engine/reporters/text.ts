import { styleText } from 'node:util';
import type { Diagnostic } from '../finding.ts';
import { escapeControls } from './escape.ts';
import type { Summary } from './json.ts';

type Style = Parameters<typeof styleText>[0];

export interface TextOptions {
  /** Colour output; the CLI turns it on only for a terminal (and honours NO_COLOR / FORCE_COLOR). */
  color: boolean;
  /** Reads a file's text to show the offending line; omit to skip source lines. */
  sourceOf?: (diagnostic: Diagnostic) => string | undefined;
}

/**
 * For people: findings grouped by file, each with its line of source and a
 * marker under the column, the fix, and one summary line.
 *
 * Everything that can come from a content file (paths, messages naming keys
 * and values, the source line) is printed with control characters made
 * visible: a key holding a line feed must not start an output line of its
 * own (a CI log would read "::warning ..." there as a command).
 */
export function formatText(summary: Summary, diagnostics: readonly Diagnostic[], options: TextOptions): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  let currentFile: string | undefined;
  const lineCache = new Map<string, string[]>();
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(paint('underline', escapeControls(d.file)));
      currentFile = d.file;
    }
    const severity = d.severity === 'error' ? paint(['bold', 'red'], 'error  ') : paint(['bold', 'yellow'], 'warning');
    out.push(`  ${paint('dim', `${d.line}:${d.column}`.padEnd(7))} ${severity} ${escapeControls(d.message)}  ${paint('dim', escapeControls(d.rule))}`);
    let lines = lineCache.get(d.path);
    if (!lines && options.sourceOf) {
      const text = options.sourceOf(d);
      lines = text === undefined ? [] : text.split('\n');
      lineCache.set(d.path, lines);
    }
    const source = lines?.[d.line - 1]?.replace(/\r$/, '');
    if (source !== undefined && source.trim() !== '') {
      const gutter = String(d.line).padStart(6);
      const shown = escapeControls(source.replaceAll('\t', ' '));
      // The marker goes under the same character after escaping, which may have widened the text before it.
      const before = escapeControls(source.slice(0, Math.max(0, d.column - 1)).replaceAll('\t', ' ')).length;
      out.push(`  ${paint('dim', `${gutter} |`)} ${shown}`);
      out.push(`  ${paint('dim', `${' '.repeat(6)} |`)} ${' '.repeat(before)}${paint(d.severity === 'error' ? 'red' : 'yellow', '^')}`);
    }
    out.push(`  ${' '.repeat(8)}${paint('cyan', 'fix:')} ${escapeControls(d.hint)}`);
  }
  if (diagnostics.length) out.push('');
  const counts = `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} in ${summary.files} file${summary.files === 1 ? '' : 's'}`;
  const mark = summary.errors ? paint('red', '✖') : summary.warnings ? paint('yellow', '⚠') : paint('green', '✔');
  out.push(`${mark} ${counts}`);
  return `${out.join('\n')}\n`;
}
