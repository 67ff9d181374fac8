import type { Diagnostic } from '../finding.ts';
import { escapeControls } from './escape.ts';

/**
 * GitHub Actions workflow commands, one per diagnostic, so the pull request's
 * changed lines carry the findings. Escaping follows the runner's rules:
 * `%`, CR and LF everywhere, and `:` and `,` inside properties.
 *
 * Text from content files (a key with a line feed in it) is made visible
 * first, so the only line breaks left are the reporter's own, and those are
 * percent-encoded: no content can start a line of its own, which the runner
 * would read as a workflow command.
 */
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(escapeControls(text)).replaceAll(':', '%3A').replaceAll(',', '%2C');

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
      return `::${d.severity} ${properties}::${escapeData(`${escapeControls(d.message)}\nFix: ${escapeControls(d.hint)}`)}\n`;
    })
    .join('');
}
