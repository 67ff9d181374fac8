import path from 'node:path';
import type { Diagnostic } from './finding.ts';
import { UsageError } from './load.ts';

/**
 * Suppressions (`content/suppressions.json`, the content contract's
 * "Suppressions"): findings on handbook pages that a company has recorded
 * as known, so an adopted handbook passes on day one while every new finding
 * still fails. Pure: the loader reads the file, `src/cli/suppressions-file.ts`
 * writes it.
 *
 * A finding is matched by its file (from the content root), its rule and its
 * target (the link as written, or null); `count` says how many identical
 * findings one entry covers, so a second copy of a suppressed broken link is
 * still reported.
 */

export const SUPPRESSIONS_FILE = 'suppressions.json';

export interface Suppression {
  /** Relative to the content root, `/` separators: `handbook/people/swag.md`. */
  file: string;
  rule: string;
  /** The link's destination as written; null for a rule with no target. */
  target: string | null;
  count: number;
}

export type SuppressionsParse = { ok: true; suppressions: Suppression[] } | { ok: false; reason: string };

const ENTRY_KEYS = ['file', 'rule', 'target', 'count'];

/** Reads the file's text; any deviation from the contract's format is a reason, never a guess. */
export function parseSuppressions(text: string): SuppressionsParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(data)) return { ok: false, reason: 'must be a JSON object with "version": 1 and a "suppressions" list' };
  const unknown = Object.keys(data).find((key) => key !== 'version' && key !== 'suppressions');
  if (unknown !== undefined) return { ok: false, reason: `has an unknown key "${unknown}" (only "version" and "suppressions")` };
  if (data.version !== 1) return { ok: false, reason: `has "version": ${JSON.stringify(data.version) ?? 'missing'}; the only version is 1` };
  if (!Array.isArray(data.suppressions)) return { ok: false, reason: 'needs a "suppressions" list' };
  const suppressions: Suppression[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of data.suppressions.entries()) {
    const where = `entry ${index + 1} of "suppressions"`;
    if (!isObject(entry)) return { ok: false, reason: `has ${where} that is not an object` };
    const extra = Object.keys(entry).find((key) => !ENTRY_KEYS.includes(key));
    if (extra !== undefined) return { ok: false, reason: `has an unknown key "${extra}" in ${where} (only ${ENTRY_KEYS.join(', ')})` };
    const { file, rule, target, count } = entry;
    if (typeof file !== 'string' || file === '') return { ok: false, reason: `has ${where} without a "file"` };
    if (file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      return { ok: false, reason: `has ${where} whose file "${file}" is not a plain path from the content root` };
    }
    if (!file.startsWith('handbook/')) return { ok: false, reason: `has ${where} for ${file}: only findings on handbook pages can be suppressed` };
    if (typeof rule !== 'string' || !/^[a-z][a-z-]*$/.test(rule)) return { ok: false, reason: `has ${where} without a rule id in "rule"` };
    if (!SUPPRESSIBLE_RULES.has(rule)) return { ok: false, reason: `has ${where} for the rule ${rule}: only ${[...SUPPRESSIBLE_RULES].join(', ')} findings can be suppressed (the others would break the build)` };
    if (target !== null && typeof target !== 'string') return { ok: false, reason: `has ${where} whose "target" is neither a string nor null` };
    if (typeof count !== 'number' || !Number.isInteger(count)) return { ok: false, reason: `has ${where} whose "count" is not a whole number` };
    if (count < 1) return { ok: false, reason: `has ${where} with "count": ${count}; a count is at least 1` };
    const key = keyOf({ file, rule, target });
    if (seen.has(key)) return { ok: false, reason: `lists ${file}, ${rule}, ${JSON.stringify(target)} twice; give one entry its total count` };
    seen.add(key);
    suppressions.push({ file, rule, target, count });
  }
  return { ok: true, suppressions };
}

/** The content root's suppressions as the loader read them (LoadResult.suppressions). */
export interface LoadedSuppressions {
  /** The content root. */
  root: string;
  /** What the file says; empty without a file. */
  suppressions: Suppression[];
  /** Why the file cannot be used (it is unreadable or malformed): the commands stop (exit 2). */
  problem?: string | undefined;
  /** Files in the content root, from the root (to tell entries for deleted pages). */
  files: ReadonlySet<string>;
}

/**
 * The diagnostics left after suppressions, and those hidden. By default the
 * content root's own file applies, and a malformed file or one naming files
 * that are gone stops the command: a typo there must not silently report
 * (or hide) hundreds of findings. `false` applies none; a list applies
 * exactly that list (the base branch's, which may name files the pull
 * request deleted).
 */
export function suppressedDiagnostics<T extends Pick<Diagnostic, 'path' | 'rule' | 'target'>>(
  diagnostics: T[],
  loaded: LoadedSuppressions | undefined,
  chosen: false | readonly Suppression[] | undefined,
): { reported: T[]; suppressed: T[] } {
  if (chosen === false || !loaded) return { reported: diagnostics, suppressed: [] };
  if (chosen !== undefined) return applySuppressions(diagnostics, chosen, loaded.root);
  if (loaded.problem) throw new UsageError(loaded.problem);
  const stale = staleFiles(loaded.suppressions, (file) => loaded.files.has(file));
  if (stale.length) {
    throw new UsageError(
      `${path.join(loaded.root, SUPPRESSIONS_FILE)} names ${stale.length === 1 ? 'a file' : `${stale.length} files`} that no longer exist${stale.length === 1 ? 's' : ''} (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}): run validate with --prune-suppressions to drop ${stale.length === 1 ? 'its entries' : 'their entries'}`,
    );
  }
  return applySuppressions(diagnostics, loaded.suppressions, loaded.root);
}

/** The entries naming files that are not in the content root any more. */
export function staleFiles(suppressions: readonly Suppression[], exists: (file: string) => boolean): string[] {
  return [...new Set(suppressions.map((s) => s.file).filter((file) => !exists(file)))];
}

/**
 * The rules whose findings may be suppressed: a broken link or anchor leaves
 * the site buildable (the link just leads nowhere). A finding that stops or
 * changes the build (a page that does not compile, two pages at one address,
 * frontmatter the site cannot read) is never suppressed, so that `validate`
 * passing still means the build succeeds with every page.
 */
export const SUPPRESSIBLE_RULES: ReadonlySet<string> = new Set(['handbook-link']);

/** What a diagnostic is matched by, or undefined when it cannot be suppressed (not a link finding on a handbook page). */
export function suppressible(diagnostic: Pick<Diagnostic, 'path' | 'rule' | 'target'>, root: string): Omit<Suppression, 'count'> | undefined {
  if (!SUPPRESSIBLE_RULES.has(diagnostic.rule)) return undefined;
  const file = path.relative(root, diagnostic.path).split(path.sep).join('/');
  if (!file.startsWith('handbook/')) return undefined;
  return { file, rule: diagnostic.rule, target: diagnostic.target ?? null };
}

/**
 * Splits diagnostics (in the order they are printed) into those still
 * reported and those suppressed: each entry covers up to `count` of the
 * findings with its file, rule and target, the first ones in the file.
 */
export function applySuppressions<T extends Pick<Diagnostic, 'path' | 'rule' | 'target'>>(
  diagnostics: readonly T[],
  suppressions: readonly Suppression[],
  root: string,
): { reported: T[]; suppressed: T[] } {
  const left = new Map(suppressions.map((s) => [keyOf(s), s.count]));
  const reported: T[] = [];
  const suppressed: T[] = [];
  for (const diagnostic of diagnostics) {
    const match = left.size ? suppressible(diagnostic, root) : undefined;
    const key = match && keyOf(match);
    const remaining = key === undefined ? 0 : (left.get(key) ?? 0);
    if (remaining > 0) {
      left.set(key!, remaining - 1);
      suppressed.push(diagnostic);
    } else reported.push(diagnostic);
  }
  return { reported, suppressed };
}

/** Every suppressible finding, counted: what `--suppress-all` records. */
export function suppressionsFor(diagnostics: readonly Pick<Diagnostic, 'path' | 'rule' | 'target'>[], root: string): Suppression[] {
  const counts = new Map<string, Suppression>();
  for (const diagnostic of diagnostics) {
    const match = suppressible(diagnostic, root);
    if (!match) continue;
    const key = keyOf(match);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { ...match, count: 1 });
  }
  return sortSuppressions([...counts.values()]);
}

/** The entries whose findings still exist, each lowered to how many remain: what `--prune-suppressions` keeps. */
export function pruneSuppressions(suppressions: readonly Suppression[], diagnostics: readonly Pick<Diagnostic, 'path' | 'rule' | 'target'>[], root: string): Suppression[] {
  const current = new Map(suppressionsFor(diagnostics, root).map((s) => [keyOf(s), s.count]));
  return suppressions.flatMap((s) => {
    const count = Math.min(s.count, current.get(keyOf(s)) ?? 0);
    return count > 0 ? [{ ...s, count }] : [];
  });
}

/** The file's text: the contract's format, entries sorted, one per line for readable diffs. */
export function formatSuppressions(suppressions: readonly Suppression[]): string {
  const lines = sortSuppressions([...suppressions]).map(
    ({ file, rule, target, count }) =>
      `    { "file": ${JSON.stringify(file)}, "rule": ${JSON.stringify(rule)}, "target": ${JSON.stringify(target)}, "count": ${count} }`,
  );
  return `{ "version": 1,\n  "suppressions": [${lines.length ? `\n${lines.join(',\n')} ` : ''}] }\n`;
}

function sortSuppressions(suppressions: Suppression[]): Suppression[] {
  const text = (s: Suppression) => `${s.file}\0${s.rule}\0${s.target ?? ''}`;
  return suppressions.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

function keyOf(s: Pick<Suppression, 'file' | 'rule' | 'target'>): string {
  return JSON.stringify([s.file, s.rule, s.target]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
