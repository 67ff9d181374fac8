/**
 * A content file as read from disk, and its frontmatter block found by
 * position. Splitting is done here rather than by a front-matter library so
 * that every offset is known, and so that no front-matter "engine" can ever
 * be asked to evaluate code.
 */

export type SourceKind = 'process' | 'team' | 'feature' | 'doc' | 'handbook';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** What diagnostics print: relative to the working directory, `/` separators. */
  displayPath: string;
  kind: SourceKind;
  /** The file name without extension (features, docs), or the page id made from its path below handbook/ (handbook). */
  id: string;
  text: string;
}

/** How a page's body is written: plain Markdown for a `.md` file, else MDX. */
export function bodyFormat(source: Pick<SourceFile, 'path'>): 'md' | 'mdx' {
  return source.path.endsWith('.md') ? 'md' : 'mdx';
}

export type FrontmatterSplit =
  | { ok: true; fenceOffset: number; yaml: string; yamlOffset: number; body: string; bodyOffset: number }
  | { ok: false; problem: 'missing' | 'unclosed' | 'executable' | 'tagged' | 'dots' | 'closing'; language?: string; offset: number };

const OPENING = /^---[ \t]*([A-Za-z][\w-]*)?[ \t]*\r?\n/;
/**
 * Where the block ends is decided exactly as Astro decides it (its frontmatter
 * regex in @astrojs/internal-helpers): at the first line that starts with
 * `---` or `+++`. That line must then be a plain `---`; anything else there
 * (`----`, `--- notes`, `+++`) would end the block for the site in a place the
 * author did not mean, so it is a finding rather than a second opinion.
 */
const CLOSING = /(?:^|\n)(?:---|\+\+\+)/;
const PLAIN_CLOSING = /^---[ \t]*\r?$/;

/** Finds the `---` fenced YAML block at the top of an MDX file. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opening = OPENING.exec(text.slice(start));
  if (!opening) {
    // `---` alone on the last line, or nothing at all.
    if (/^---[ \t]*$/.test(text.slice(start))) return { ok: false, problem: 'unclosed', offset: start };
    return { ok: false, problem: 'missing', offset: start };
  }
  const language = opening[1];
  // Astro reads only a plain `---`: after `---yaml` it would take "yaml" as the first line of the data.
  if (language) return { ok: false, problem: /^ya?ml$/i.test(language) ? 'tagged' : 'executable', language, offset: start };
  const yamlOffset = start + opening[0].length;
  const rest = text.slice(yamlOffset);
  // An empty block closes on its very first line.
  // Lines end at "\n" only, as in Astro's regex (a JavaScript `m` flag would also start a line after U+2028).
  const closing = CLOSING.exec(rest);
  if (!closing) {
    // YAML's own document end, which Astro does not read as the end of the frontmatter.
    const dots = /(?:^|\n)\.\.\.[ \t]*(?:\r?\n|\r?$)/.exec(rest);
    return dots ? { ok: false, problem: 'dots', offset: yamlOffset + dots.index + (dots[0].startsWith('\n') ? 1 : 0) } : { ok: false, problem: 'unclosed', offset: start };
  }
  const yamlEnd = yamlOffset + closing.index + (closing[0].startsWith('\n') ? 1 : 0);
  const lineEnd = text.indexOf('\n', yamlEnd);
  if (!PLAIN_CLOSING.test(text.slice(yamlEnd, lineEnd < 0 ? text.length : lineEnd))) return { ok: false, problem: 'closing', offset: yamlEnd };
  let bodyOffset = yamlEnd + 3;
  while (text[bodyOffset] === ' ' || text[bodyOffset] === '\t') bodyOffset++;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { ok: true, fenceOffset: start, yaml: text.slice(yamlOffset, yamlEnd), yamlOffset, body: text.slice(bodyOffset), bodyOffset };
}

/** Maps character offsets in a file to 1-based line and column. */
export class LineIndex {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }
  locate(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low]! + 1 };
  }
  lineCount(): number {
    return this.#starts.length;
  }
}

/** The text of a 1-based line, without its line break. */
export function lineText(text: string, line: number): string {
  const lines = text.split('\n');
  return (lines[line - 1] ?? '').replace(/\r$/, '');
}
