import { describe, expect, it } from 'vitest';
import { explainYaml } from '../../src/engine/yaml-errors.ts';
import { theme } from './expect.ts';

/**
 * YAML syntax errors as a new user makes them: each is reported once, on the
 * line the person must change, with a hint for that kind of mistake.
 */

const yaml = theme('yaml-syntax');
const INDENT = 'Indent this line with spaces so that it lines up with the keys (or "- " items) it belongs with.';

describe('YAML syntax errors point at the mistake and say the right fix', () => {
  it('an under-indented date in an approval: its own line, an indentation hint (not "missing closing character")', () => {
    const [d] = yaml.expectExactly('features/yaml-fail-under-indented-date.mdx', [
      { rule: 'frontmatter', line: 13, column: 4, message: ['YAML syntax error'], hint: [INDENT] },
    ]);
    expect(d!.hint).not.toMatch(/closing character/);
  });

  it('an over-indented date: the date line, not the stage line above it', () => {
    yaml.expectExactly('features/yaml-fail-over-indented-date.mdx', [
      { rule: 'frontmatter', line: 13, column: 7, message: ['indented further than the line above'], hint: [INDENT] },
    ]);
  });

  it('an over-indented priority: the priority line, not the url line above it', () => {
    yaml.expectExactly('features/yaml-fail-over-indented-priority.mdx', [
      { rule: 'frontmatter', line: 12, column: 7, message: ['indented further than the line above'], hint: [INDENT] },
    ]);
  });

  it('an unclosed double quote: at the quote on line 2, not at the closing ---', () => {
    yaml.expectExactly('features/yaml-fail-unclosed-quote.mdx', [
      { rule: 'frontmatter', line: 2, column: 8, message: ['double quote that opens this value is never closed'], hint: ['Add the closing " at the end of this value'] },
    ]);
  });

  it('an unclosed single quote and an unclosed brace: at the opening character', () => {
    yaml.expectExactly('features/yaml-fail-unclosed-single-quote.mdx', [
      { rule: 'frontmatter', line: 3, column: 10, message: ['single quote'], hint: ["Add the closing ' at the end of this value", "write '' for a quote"] },
    ]);
    yaml.expectExactly('features/yaml-fail-unclosed-brace.mdx', [
      { rule: 'frontmatter', line: 6, column: 8, message: ['"{" that opens this value is never closed'], hint: ['Add the closing "}"'] },
    ]);
  });

  it('a value containing ": " is to be quoted', () => {
    yaml.expectExactly('features/yaml-fail-colon-in-value.mdx', [
      { rule: 'frontmatter', line: 3, column: 10, message: ['YAML syntax error'], hint: ['Put the value in quotes: a value that contains ": " must be quoted.'] },
    ]);
  });

  it('a key without its colon', () => {
    yaml.expectExactly('features/yaml-fail-key-without-colon.mdx', [
      { rule: 'frontmatter', line: 4, column: 1, message: ['YAML syntax error'], hint: ['Add the ":" after the key ("key: value")'] },
    ]);
  });

  it('text after a closing quote, a reserved first character, a bad escape', () => {
    yaml.expectExactly('features/yaml-fail-text-after-quote.mdx', [
      { rule: 'frontmatter', line: 2, column: 19, message: ['YAML syntax error'], hint: ['Put the whole value inside the quotes'] },
    ]);
    yaml.expectExactly('features/yaml-fail-reserved-start.mdx', [
      { rule: 'frontmatter', line: 3, column: 10, message: ['YAML syntax error'], hint: ['a value cannot start with "@" unquoted'] },
    ]);
    yaml.expectExactly('features/yaml-fail-bad-escape.mdx', [
      { rule: 'frontmatter', line: 2, column: 18, message: ['YAML syntax error'], hint: ['write "\\\\" for a backslash, or use single quotes'] },
    ]);
  });

  it('an indented first key: that line, once (not again where the parser recovers)', () => {
    yaml.expectExactly('features/yaml-fail-indented-first-key.mdx', [
      { rule: 'frontmatter', line: 2, column: 3, message: ['top-level key'], hint: ['Remove the spaces before this key'] },
    ]);
  });

  it('a stray list item, a stray closing brace, an alias to nothing', () => {
    yaml.expectExactly('features/yaml-fail-stray-item.mdx', [
      { rule: 'frontmatter', line: 4, column: 1, message: ['YAML syntax error'], hint: ['A "- " item cannot stand among "key: value" lines'] },
    ]);
    yaml.expectExactly('features/yaml-fail-stray-brace.mdx', [
      { rule: 'frontmatter', line: 8, column: 39, message: ['YAML syntax error'], hint: ['Remove this "}", or add the "{" it should close.'] },
    ]);
    yaml.expectExactly('features/yaml-fail-alias.mdx', [
      { rule: 'frontmatter', line: 3, column: 10, message: ['"*summary" names no anchor'], hint: ['Remove the "&" anchor, "*" alias or "!" tag'] },
    ]);
  });

  it('two independent mistakes are two findings', () => {
    yaml.expectExactly('features/yaml-fail-two-mistakes.mdx', [
      { rule: 'frontmatter', line: 3, column: 1, message: ['YAML syntax error'], hint: ['Keep one of the two entries with this key'] },
      { rule: 'frontmatter', line: 6, column: 1, message: ['YAML syntax error'], hint: ['Indent with spaces; YAML does not allow tabs'] },
    ]);
  });

  it('reports nothing but frontmatter in this root', () => {
    expect(new Set(yaml.result.diagnostics.map((d) => d.rule))).toEqual(new Set(['frontmatter']));
  });
});

describe('every kind of YAML error gets a finding with a hint, on a line of the text', () => {
  // One sample per error code the yaml package reports for frontmatter-sized text (and the kinds js-yaml alone refuses).
  const samples: Record<string, { text: string; line: number; hint: string }> = {
    directive: { text: 'title: X\n%YAML 1.2\n', line: 2, hint: 'Remove the line that starts with "%"' },
    'directive first': { text: '%TAG ! x\n', line: 1, hint: 'Remove the line that starts with "%"' },
    'two anchors': { text: 'a: &x &y 1\n', line: 1, hint: 'Remove the "&" anchor' },
    'two tags': { text: 'a: !!str !!str 1\n', line: 1, hint: 'Remove the "&" anchor' },
    'alias with properties': { text: 'a: &x 1\nb: &y *x\n', line: 2, hint: 'Remove the "&" anchor' },
    'block in flow': { text: 'a: [b, - c]\n', line: 1, hint: 'Inside [ ] or { }' },
    'second document': { text: 'title: X\n---\nb: 1\n', line: 2, hint: 'Remove the extra "---" line' },
    'unknown tag': { text: 'a: 1\nb: !!js/function "x"\n', line: 2, hint: 'Remove the "!!" or "!" tag' },
    'collection as key': { text: '? [a]\n: 1\n', line: 1, hint: 'Use a plain name as the key' },
    'key:value without space': { text: 'title:X\nowner: y\n', line: 1, hint: 'Put a space after the ":"' },
    'nested brackets': { text: 'a: [x, {b: 1]\nc: 1\n', line: 1, hint: 'Add the closing "}"' },
    'mis-indented list item': { text: 'approvers:\n  - person: a\n - person: b\n', line: 3, hint: INDENT },
  };
  for (const [name, sample] of Object.entries(samples)) {
    it(name, () => {
      const found = explainYaml(sample.text, 'js-yaml refused it (1:1)');
      expect(found).toHaveLength(1);
      const line = sample.text.slice(0, found[0]!.at).split('\n').length;
      expect(line).toBe(sample.line);
      expect(found[0]!.hint).toContain(sample.hint);
    });
  }
});
