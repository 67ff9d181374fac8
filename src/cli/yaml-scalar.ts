import { Document, isScalar, parseDocument, Scalar, visit } from 'yaml';
import { isCalendarDate } from '../engine/dates.ts';

/**
 * Writing a text value into YAML so that every reader gets the same text
 * back. The `yaml` package quotes what YAML 1.2's core schema would read as
 * another type (`true`, `1e3`, `~`), but the site's frontmatter parser
 * (js-yaml 4, through Astro) also reads YAML 1.1 types: `2026-01-01` as a
 * Date, `0b1010` as a number, and 1.1 readers take `yes` and `on` for true.
 * So a value is left plain only if YAML 1.2 and YAML 1.1 both read the plain
 * text as the same string; otherwise it is double-quoted.
 *
 * Calendar dates are the exception where the caller asks for it: the
 * contract lets them be written unquoted, and the schema folds a date that a
 * reader turned into a Date back into the same YYYY-MM-DD string.
 */

export interface ScalarOptions {
  /** Keep the quoting style of this existing node when it is quoted. */
  like?: unknown;
  /** A well-formed calendar date may stay unquoted (a `dates` entry, an approval's date). */
  dateField?: boolean;
}

/** One scalar's YAML text, e.g. `beta`, `"2026-01-01"` for a title, `'it''s'`. */
export function scalarText(value: string, options: ScalarOptions = {}): string {
  const node = new Scalar(value);
  if (isScalar(options.like) && (options.like.type === 'QUOTE_DOUBLE' || options.like.type === 'QUOTE_SINGLE')) node.type = options.like.type;
  const text = render(node);
  if (node.type !== undefined || readsBackAs(text, value, options.dateField)) return text;
  node.type = 'QUOTE_DOUBLE';
  return render(node);
}

/** Double-quotes, in a document about to be written, every string value a reader would take for another type. */
export function quoteAmbiguousStrings(document: Document, isDateField: (path: readonly unknown[]) => boolean = () => false): void {
  visit(document, {
    Scalar(key, node, path) {
      if (key !== 'value' || typeof node.value !== 'string' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return;
      const keys = path.flatMap((step) => ('key' in (step as object) && isScalar((step as { key: unknown }).key) ? [((step as { key: Scalar }).key).value] : []));
      if (!readsBackAs(render(new Scalar(node.value)), node.value, isDateField(keys))) node.type = 'QUOTE_DOUBLE';
    },
  });
}

function render(node: Scalar): string {
  return new Document(node).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

const versions = ['1.2', '1.1'] as const;

function readsBackAs(text: string, value: string, dateField = false): boolean {
  if (dateField && isCalendarDate(value) && text === value) return true;
  return versions.every((version) => {
    const document = parseDocument(`k: ${text}\n`, { version });
    return document.errors.length === 0 && document.get('k') === value;
  });
}
