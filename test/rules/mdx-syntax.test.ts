import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_NESTING } from '../../src/engine/mdx-body.ts';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';
import { theme } from './expect.ts';

/**
 * `mdx-syntax`: every body the sites compile is parsed by the same compiler
 * (satteri) during `validate`, so a body that passes here compiles in the
 * build; and handbook and feature bodies hold no code that would compile but
 * fail when the page is built.
 */
const bodies = theme('mdx-syntax');
const syntax = (line: number, column: number, message: string) => ({
  rule: 'mdx-syntax',
  line,
  column,
  message: ['The MDX body does not compile', message],
  hint: ['close every tag (<br />, not <br>)'],
});

describe('mdx-syntax', () => {
  it('passes tables, lists, comments, lowercase elements with plain attributes and escaped braces', () => {
    bodies.expectClean('features/mdx-syntax-pass.mdx');
  });

  it("reports what the compiler says, at the body's line and column in the file", () => {
    bodies.expectExactly('features/mdx-syntax-fail-unclosed-br.mdx', [syntax(11, 11, 'Expected a closing tag for `<br>`')]);
    bodies.expectExactly('features/mdx-syntax-fail-bad-expression.mdx', [syntax(11, 12, 'Could not parse expression')]);
    bodies.expectExactly('handbook/mdx-syntax-fail-html-comment.mdx', [syntax(7, 1, 'to create a comment in MDX')]);
    // An article's syntax error is this rule's too (article-code judges only bodies that compile).
    bodies.expectExactly('docs/mdx-syntax-fail-article.mdx', [syntax(6, 13, 'Expected a closing tag for `<kbd>`')]);
  });

  it('reports an expression that compiles but would fail when the page is built', () => {
    bodies.expectExactly('features/mdx-syntax-fail-expression.mdx', [
      { rule: 'mdx-syntax', line: 11, column: 8, message: ['"{customer.name}" is a JavaScript expression'], hint: ['\\{customer.name\\}'] },
    ]);
  });

  it('reports imports and components in a handbook page', () => {
    bodies.expectExactly('handbook/mdx-syntax-fail-import.mdx', [
      { rule: 'mdx-syntax', line: 5, column: 1, message: ['is an import or export'], hint: ['Remove it'] },
      { rule: 'mdx-syntax', line: 7, column: 1, message: ['<Aside> is a component'], hint: ['lowercase'] },
    ]);
  });

  it('reports nothing else in the fixture', () => {
    expect(bodies.result.diagnostics.filter((d) => d.rule !== 'mdx-syntax')).toEqual([]);
  });

  describe('a body over the limit', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-body-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('is one finding and is not parsed, however deep or long', () => {
      cpSync(path.join(fixturesDir, 'valid'), work, { recursive: true });
      const head = '---\ntitle: Long\ndescription: A long page.\n---\n';
      writeFileSync(path.join(work, 'handbook/long.mdx'), head + `${'>'.repeat(200)} deep\n\n`.repeat(Math.ceil(MAX_BODY_CHARS / 200)));
      const { diagnostics } = validateRoot(work, { today: FIXTURE_TODAY, cwd: work });
      expect(diagnostics.map(({ file, line, rule, message }) => ({ file, line, rule, message }))).toEqual([
        { file: 'handbook/long.mdx', line: 5, rule: 'mdx-syntax', message: expect.stringMatching(/^The body is [\d,]+ characters long, over the limit of 1,000,000\.$/) },
      ]);
    });

    it(`nested up to ${MAX_NESTING} levels, is parsed and walked without overflowing the stack`, () => {
      const head = '---\ntitle: Deep\ndescription: A deep page.\n---\n';
      writeFileSync(path.join(work, 'handbook/long.mdx'), `${head}${'>'.repeat(MAX_NESTING)} [deep link](./nowhere.mdx)\n`);
      const { diagnostics } = validateRoot(work, { today: FIXTURE_TODAY, cwd: work });
      expect(diagnostics.map(({ file, line, rule }) => ({ file, line, rule }))).toEqual([{ file: 'handbook/long.mdx', line: 5, rule: 'handbook-link' }]);
    });
  });

  describe('a body nested deeper than the limit', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-deep-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    // The parser's time grows with the square of the depth: 50,000 nested elements took over a minute.
    it.each([
      ['quotes', `${'>'.repeat(500_000)} x\n`, 5],
      ['elements', `Intro.\n\n${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}\n`, 7],
      ['lists', `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`, 5 + 299],
    ])('is one finding, without parsing: %s', (_kind, body, line) => {
      cpSync(path.join(fixturesDir, 'valid'), work, { recursive: true });
      writeFileSync(path.join(work, 'handbook/deep.mdx'), `---\ntitle: Deep\ndescription: A deep page.\n---\n${body}`);
      const { diagnostics } = validateRoot(work, { today: FIXTURE_TODAY, cwd: work });
      expect(diagnostics.map(({ file, line, rule, message, hint }) => ({ file, line, rule, message, hint }))).toEqual([
        {
          file: 'handbook/deep.mdx',
          line,
          rule: 'mdx-syntax',
          message: expect.stringMatching(new RegExp(`^The body nests \\d+ levels deep here, over the limit of ${MAX_NESTING}\\.$`)),
          hint: `Flatten it: quotes, lists and elements may nest at most ${MAX_NESTING} levels (it is not parsed beyond that).`,
        },
      ]);
    });
  });
});
