import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { fastPositions, locateInYaml, parseWithPositions, type Anchor, type YamlPath } from '../../src/engine/positions.ts';
import { splitFrontmatter } from '../../src/engine/source.ts';
import { repoRoot } from '../helpers/validate.ts';

/**
 * Diagnostics get their line and column from `locateInYaml`, which answers
 * from js-yaml's events and falls back to the `yaml` package's document (the
 * reference) when unsure. These tests hold the two to the same answers.
 */

/** Every path into the data, plus paths that stop existing part-way (a missing key, an index past the end). */
function pathsOf(data: unknown, prefix: (string | number)[] = []): YamlPath[] {
  const paths: YamlPath[] = [prefix, [...prefix, 'no-such-key'], [...prefix, 99]];
  if (Array.isArray(data)) data.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (data !== null && typeof data === 'object') for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]));
  return paths;
}

function expectSameAnswers(yaml: string, paths: readonly YamlPath[]): void {
  const reference = parseWithPositions(yaml);
  const located = locateInYaml(yaml);
  for (const p of paths) {
    for (const anchor of ['key', 'value'] as Anchor[]) {
      expect({ path: p, anchor, ...located.offsetOf(p, anchor) }).toEqual({ path: p, anchor, ...reference.offsetOf(p, anchor) });
    }
  }
}

/** The YAML of every content file in the repository: the shipped content and every fixture. */
function repositoryYaml(): { name: string; yaml: string }[] {
  const files = globSync(['content/**/*.{mdx,yaml}', 'test/fixtures/**/*.{mdx,yaml}'], { cwd: repoRoot }).sort();
  return files.flatMap((name) => {
    const text = readFileSync(path.join(repoRoot, name), 'utf8');
    if (name.endsWith('.yaml')) return [{ name, yaml: text.replace(/^\uFEFF/, '') }];
    const split = splitFrontmatter(text);
    return split.ok ? [{ name, yaml: split.yaml }] : [];
  });
}

describe('locateInYaml', () => {
  it('answers like the yaml package for every path in every content file of the repository', () => {
    const files = repositoryYaml();
    expect(files.length).toBeGreaterThan(20);
    let checked = 0;
    for (const { yaml } of files) {
      let data: unknown;
      try {
        data = load(yaml);
      } catch {
        continue; // Not readable YAML: such a file gets syntax findings, never a path lookup.
      }
      const paths = pathsOf(data);
      expectSameAnswers(yaml, paths);
      checked += paths.length;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('answers from the events, without the yaml package, for the shipped feature pages', () => {
    const pages = globSync('content/features/*.mdx', { cwd: repoRoot });
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const split = splitFrontmatter(readFileSync(path.join(repoRoot, page), 'utf8'));
      if (!split.ok) throw new Error(`${page} has no frontmatter`);
      const fast = fastPositions(split.yaml);
      const unanswered = pathsOf(load(split.yaml)).filter((p) => fast.offsetOf(p, 'key') === undefined);
      expect({ page, unanswered }).toEqual({ page, unanswered: [] });
    }
  });

  it('answers like the yaml package where YAML gets unusual: quotes, anchors, tags, block scalars, flow style, odd keys', () => {
    const yaml = [
      // One odd key per mapping, and before the odd keys of the top level, so that each is judged on its own.
      'capital-true:',
      '  True: a boolean key, "true" to both parsers',
      'capital-null:',
      '  NULL: a null key, "null" to js-yaml, "" to the yaml package',
      'yes-word:',
      '  Yes: a string in YAML 1.2',
      'title: "Quoted: title"',
      "'single': 'quoted value'",
      'anchored: &a plain value',
      'alias: *a',
      'tagged: !!str 12',
      'block: >-',
      '  folded',
      '  text',
      'literal: |',
      '  kept',
      'empty:',
      '1.0: numeric key',
      'true: boolean key',
      '"quoted key": v',
      'flow: { person: x, date: "2026-10-01" }',
      'list: [a, "b", [c]]',
      'dates: &d',
      '  internal: 2026-09-14',
      'copy: !!map',
      '  a: 1',
      'approvers:',
      '- person: gary-mcgrath',
      '  stage: internal',
      '-   person: kelly-obrien # comment',
      '    date: 2026-01-01',
      '- ',
      '- *a',
      '? explicit',
      ': value',
    ].join('\n');
    const paths = pathsOf(load(yaml));
    paths.push(['1'], [1], ['true'], ['capital-true', 'true'], ['capital-true', 'True'], ['capital-null', 'null'], ['capital-null', ''], ['yes-word', 'Yes'], [true as unknown as string], ['approvers', 3, 'x'], ['list', 2, 0], ['alias', 'x']);
    expectSameAnswers(yaml, paths);
    expectSameAnswers(yaml.replaceAll('\n', '\r\n'), paths);
  });

  it('answers like the yaml package for generated documents in every js-yaml output style', () => {
    const key = fc.oneof(fc.constantFrom('title', 'stage', 'dates', 'a-b', 'x_y', 'true', 'True', 'null', 'NULL', 'Null', '1', '0x1F', 'k 2', '~', ''), fc.string({ maxLength: 6 }));
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('2026-10-01', 'line one\nline two', ' padded ', '#hash', 'a: b'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    }));
    const style = fc.record({
      flowLevel: fc.constantFrom(-1, 0, 1, 2),
      quotingType: fc.constantFrom<"'" | '"'>("'", '"'),
      forceQuotes: fc.boolean(),
      indent: fc.constantFrom(2, 4),
      noArrayIndent: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), style, (data, options) => {
        const yaml = dump(data, options);
        let parsed: unknown;
        try {
          parsed = load(yaml);
        } catch {
          return; // js-yaml cannot read it back: such text never reaches a path lookup.
        }
        expectSameAnswers(yaml, pathsOf(parsed));
      }),
      { numRuns: 300 },
    );
  });
});
