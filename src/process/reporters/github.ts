import type { Diagnostic } from '../finding.ts';

/**
 * GitHub Actions workflow commands, one per diagnostic, so the pull request's
 * changed lines carry the findings. Escaping follows the runner's rules:
 * `%`, CR and LF everywhere, and `:` and `,` inside properties.
 */
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
      return `::${d.severity} ${properties}::${escapeData(`${d.message}\nFix: ${d.hint}`)}\n`;
    })
    .join('');
}
