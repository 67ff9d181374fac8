import { YamlDate } from './yaml-reader.ts';
import type { z } from 'zod';
import { didYouMean } from './suggest.ts';
import type { YamlPath } from './positions.ts';

/**
 * Turns zod's issues into findings a person can act on: the offending key,
 * what is wrong in plain words, and how to fix it (with the nearest known key
 * or value for a typo).
 */

export interface SchemaProblem {
  path: YamlPath;
  anchor: 'key' | 'value';
  message: string;
  hint: string;
}

type AnySchema = z.core.$ZodType;

export function formatPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : String(segment);
  return out;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let i = 0; current && i < 10; i++) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; out?: AnySchema };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType)
      current = def.innerType;
    else if (def.type === 'pipe' && def.out) current = def.out;
    else break;
  }
  return current;
}

/** The schema that describes the value at `path`, if the path is inside the schema. */
function schemaAt(schema: AnySchema, path: YamlPath): AnySchema | undefined {
  let current = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    if (def.type === 'object') current = unwrap(def.shape?.[String(segment)]);
    else if (def.type === 'array') current = unwrap(def.element);
    else if (def.type === 'record') current = unwrap(def.valueType);
    else return undefined;
  }
  return current;
}

function knownKeys(schema: AnySchema, path: YamlPath): string[] {
  const at = schemaAt(schema, path);
  const def = at?._zod.def as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  // An unquoted date (yaml-reader.ts): the site reads it as a date, not as text.
  if (value instanceof YamlDate) return `the date ${value.text} (write it in quotes if it is text)`;
  if (value instanceof Date) return 'a date and time (write it in quotes if it is text)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of keys';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of keys',
};

const typeHints: Record<string, string> = {
  string: 'Write text; quote it if it could be read as a number, date or true/false.',
  number: 'Write a number.',
  int: 'Write a whole number.',
  boolean: 'Write true or false.',
  array: 'Write a list: one "- item" per line, indented under the key.',
  object: 'Write "key: value" lines indented under the key.',
};

function isZodDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized)/.test(message);
}

/**
 * What a missing key's value should look like. Our schemas' own messages
 * ("expected a date written YYYY-MM-DD") say more than the bare type, which
 * for a date is "string" and would suggest quoting it as text.
 */
function expectation(issue: { expected?: string; values?: readonly unknown[]; message: string }): string {
  if (issue.values) return `, one of: ${issue.values.map(String).join(', ')}.`;
  if (!isZodDefaultMessage(issue.message) && /^expected /.test(issue.message)) {
    return `, with ${issue.message.replace(/^expected /, '')}.`;
  }
  const expected = issue.expected ?? 'value';
  return `: ${typeHints[expected] ?? `Write ${expectedWords[expected] ?? expected}.`}`;
}

export function explainIssues(issues: readonly z.core.$ZodIssue[], data: unknown, schema: AnySchema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    const label = formatPath(path);
    const value = valueAt(data, path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const where = path.length ? ` in "${label}"` : '';
        problems.push({
          path: [...path, key],
          anchor: 'key',
          message: `Unknown key "${key}"${where}.`,
          hint: `${didYouMean(key, known)}Known keys${where}: ${known.join(', ')}.`,
        });
      }
      continue;
    }
    if (path.length === 0 && issue.code === 'invalid_type') {
      problems.push({
        path,
        anchor: 'key',
        message: value === null || value === undefined ? 'The frontmatter is empty.' : `The frontmatter is ${describeValue(value)}, not a set of keys.`,
        hint: 'Write the frontmatter as "key: value" lines between the two "---" lines.',
      });
      continue;
    }
    // A missing enum key comes as invalid_value from zod: it is still a missing key.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined && path.length > 0) {
      const key = path[path.length - 1];
      const parent = path.slice(0, -1);
      const where = parent.length ? ` in "${formatPath(parent)}"` : '';
      problems.push({
        path: parent,
        anchor: 'key',
        message: `Missing required key "${key}"${where}.`,
        hint: `Add "${key}: …"${where}${expectation(issue)}`,
      });
      continue;
    }
    if (issue.code === 'invalid_value') {
      const allowed = issue.values.map((v) => String(v));
      problems.push({
        path,
        anchor: 'value',
        message: `"${label}" is ${describeValue(value)}, which is not one of: ${allowed.join(', ')}.`,
        hint: `${typeof value === 'string' ? didYouMean(value, allowed) : ''}Use one of: ${allowed.join(', ')}.`,
      });
      continue;
    }
    if (issue.code === 'invalid_type') {
      const expected = expectedWords[issue.expected] ?? issue.expected;
      problems.push({
        path,
        anchor: 'value',
        message: isZodDefaultMessage(issue.message)
          ? `"${label}" should be ${expected}, but it is ${describeValue(value)}.`
          : `"${label}": ${issue.message}, but it is ${describeValue(value)}.`,
        hint: typeHints[issue.expected] ?? `Write ${expected}.`,
      });
      continue;
    }
    // A schema's own check that knows its fix (duplicate ids, reserved keys) says so in params.
    const own = issue.code === 'custom' ? ownHint(issue.params) : undefined;
    if (own) {
      problems.push({
        path,
        anchor: own.anchor,
        message: `"${label}" ${issue.message}.`,
        hint: own.hint,
      });
      continue;
    }
    // Formats, lengths and refinements: our schemas give these plain-language messages.
    const message = isZodDefaultMessage(issue.message) ? issue.message.toLowerCase() : issue.message;
    problems.push({
      path,
      anchor: 'value',
      message: `"${label}" ${message}${typeof value === 'string' ? ` (${JSON.stringify(value)})` : value instanceof YamlDate ? ` ("${value.text}")` : ''}.`,
      hint: hintFor(message),
    });
  }
  return problems;
}

/** `params: { hint, anchor? }` on a custom issue: the fix its schema check wrote for it. */
function ownHint(params: unknown): { hint: string; anchor: 'key' | 'value' } | undefined {
  if (params === null || typeof params !== 'object') return undefined;
  const { hint, anchor } = params as { hint?: unknown; anchor?: unknown };
  if (typeof hint !== 'string') return undefined;
  return { hint, anchor: anchor === 'key' ? 'key' : 'value' };
}

function hintFor(message: string): string {
  if (/calendar date/.test(message)) return 'Use a date that exists, written YYYY-MM-DD (months have 28 to 31 days).';
  if (/YYYY-MM-DD/.test(message)) return 'Write the date as YYYY-MM-DD, for example 2026-10-01.';
  if (/one line/.test(message)) return 'Keep it to a single line; put longer text in the page body.';
  if (/empty/.test(message)) return 'Write a value, or remove the key if it is optional.';
  if (/URL/i.test(message)) return 'Use the full address, starting with https://.';
  if (/id/.test(message)) return 'Use lowercase letters, digits and "-", e.g. gary-mcgrath.';
  return 'Correct the value as the message says.';
}
