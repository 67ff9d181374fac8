import { createRequire } from 'node:module';

/**
 * The one YAML reading of content: frontmatter, process.yaml and team.yaml.
 *
 * It is js-yaml 4 with its default schema: the very copy Astro's own
 * frontmatter parser loads (`@astrojs/internal-helpers/frontmatter`), so
 * every value resolves to the same type for the validator as for the sites'
 * content collections. `title: 2026-01-01` is a date to both (and so not a
 * title), `flag: 0b1010` a number to both: the validator cannot pass a page
 * whose data the build then rejects. One difference, on purpose: a date
 * that does not exist (`2026-02-30`) or that JavaScript would move to
 * another century (`0012-01-01`) stays the text written instead of being
 * rolled over, so the date schema judges what the person wrote.
 */

interface JsYaml4 {
  load(text: string, options?: { schema?: unknown; json?: boolean }): unknown;
  Type: new (tag: string, options: Record<string, unknown>) => unknown;
  CORE_SCHEMA: { extend(types: { implicit: unknown[]; explicit: unknown[] }): unknown };
  types: Record<'timestamp' | 'merge' | 'binary' | 'omap' | 'pairs' | 'set', { resolve(data: string): boolean; construct(data: string): unknown; instanceOf: unknown; represent: unknown }>;
}

const astroRequire = createRequire(import.meta.resolve('@astrojs/internal-helpers/frontmatter'));
const jsYaml = astroRequire('js-yaml') as JsYaml4;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An unquoted calendar date, as written (`2026-11-21`). Astro reads it as a
 * `Date`; here it stays the text, in a type of its own so that it is still
 * not a string: a field that wants text refuses it exactly as the site's
 * schema refuses the `Date`. (Building and formatting a `Date` for each of
 * tens of thousands of dates was a tenth of the validator's time.)
 */
export class YamlDate {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** js-yaml 4's timestamp type, but a date without a time keeps the text written (impossible dates included). */
const timestamp = new jsYaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: jsYaml.types.timestamp.resolve,
  construct(data: string) {
    return DATE_ONLY.test(data) ? new YamlDate(data) : jsYaml.types.timestamp.construct(data);
  },
  instanceOf: jsYaml.types.timestamp.instanceOf,
  represent: jsYaml.types.timestamp.represent,
});

// js-yaml 4's DEFAULT_SCHEMA, built the way its lib/schema/default.js builds it, with the timestamp above.
const schema = jsYaml.CORE_SCHEMA.extend({
  implicit: [timestamp, jsYaml.types.merge],
  explicit: [jsYaml.types.binary, jsYaml.types.omap, jsYaml.types.pairs, jsYaml.types.set],
});

/** Reads YAML text as data, as the sites will; throws js-yaml's error on a syntax error. */
export function readYaml(text: string): unknown {
  return jsYaml.load(text, { schema });
}
