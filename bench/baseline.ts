/**
 * The yardstick `npm run bench` compares the validator with: the least work
 * any validator of these pages must do. Read every feature file, cut out the
 * frontmatter, parse it with the YAML reader the sites use (js-yaml 4, as
 * Astro reads frontmatter), check it with the project's own feature schema,
 * and, with `--bodies`, parse each body with the MDX compiler the sites use
 * (satteri), since a body that does not compile breaks the build. No
 * positions, no rules, no reporting.
 *
 * The frontmatter split is written out here rather than imported from
 * src/engine/source.ts, so that optimising the real loader cannot move the
 * yardstick.
 *
 * Usage: node bench/baseline.ts CONTENT_ROOT [--bodies]
 * Prints one JSON line: {"files": N, "valid": N}. Exit 1 if any file fails,
 * because then the comparison would be against a run that did less work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMdxMdastHandle, dropHandle } from 'satteri';
import { featureSchema, processSchema } from '../src/engine/schemas/index.ts';
import { readYaml as load } from '../src/engine/yaml-reader.ts';

const root = process.argv[2];
const bodies = process.argv.includes('--bodies');
if (!root) {
  process.stderr.write('Usage: node bench/baseline.ts CONTENT_ROOT\n');
  process.exit(2);
}

const releaseProcess = processSchema.parse(load(readFileSync(path.join(root, 'process.yaml'), 'utf8')));
const schema = featureSchema(releaseProcess);
const folder = path.join(root, 'features');
const names = readdirSync(folder).filter((name) => name.endsWith('.mdx'));

let valid = 0;
const failures: string[] = [];
for (const name of names) {
  const text = readFileSync(path.join(folder, name), 'utf8');
  const end = text.startsWith('---\n') ? text.indexOf('\n---', 3) : -1;
  if (end < 0) {
    failures.push(`${name}: no frontmatter`);
    continue;
  }
  const result = schema.safeParse(load(text.slice(4, end + 1)));
  if (bodies) dropHandle(createMdxMdastHandle(text.slice(text.indexOf('\n', end + 1) + 1)));
  if (result.success) valid++;
  else failures.push(`${name}: ${result.error.issues[0]?.message}`);
}

process.stdout.write(`${JSON.stringify({ files: names.length, valid })}\n`);
if (failures.length) {
  process.stderr.write(`baseline: ${failures.length} invalid feature files, e.g. ${failures.slice(0, 3).join('; ')}\n`);
  process.exitCode = 1;
}
