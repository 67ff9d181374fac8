import type { Diagnostic } from '../finding.ts';
import { escapeJsonText } from './escape.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/**
 * The contract's JSON document (cli.md): summary, diagnostics, and any extra
 * top-level fields. Values keep every character (a reader gets the key as
 * written); the text itself holds no raw control or line-separator character.
 */
export function formatJson(summary: Summary, diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const document = {
    summary,
    diagnostics: diagnostics.map(({ file, line, column, severity, rule, message, hint }) => ({ file, line, column, severity, rule, message, hint })),
    ...extra,
  };
  return `${escapeJsonText(JSON.stringify(document, null, 2))}\n`;
}
