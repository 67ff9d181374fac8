import type { Diagnostic } from '../finding.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/** The contract's JSON document (cli.md): summary, diagnostics, and any extra top-level fields. */
export function formatJson(summary: Summary, diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const document = {
    summary,
    diagnostics: diagnostics.map(({ file, line, column, severity, rule, message, hint }) => ({ file, line, column, severity, rule, message, hint })),
    ...extra,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
