import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';
import { theme } from './expect.ts';

/**
 * `article-code`: an article is judged on its parsed MDX tree, so none of
 * the ways around a text filter work (a comment inside an import, a dynamic
 * import, `import.meta.glob`, an expression that needs no import at all, an
 * href built by an expression). Each failing fixture is an attack on the
 * public site; each must be exactly one finding at its own position.
 */
const articles = theme('article-code');
const code = (line: number, column: number, message: string) => ({ rule: 'article-code', line, column, message: [message], hint: ['Articles are Markdown'] });
const link = (line: number, column: number, message: string) => ({ rule: 'article-code', line, column, message: [message], hint: ['An article may link only to another article'] });
const image = (line: number, column: number, message: string) => ({ rule: 'article-code', line, column, message: [message], hint: ['Put the image beside the article'] });

describe('article-code', () => {
  it('passes an article with Markdown, the allowed elements, comments, article, changelog and https links, and images beside it', () => {
    articles.expectClean('docs/article-code-pass.mdx');
  });

  it.each([
    ['import-glob', 6, 1, "{import.meta.glob('../**/*.yaml'"],
    ['dynamic-import', 6, 1, '{await import(`../${'],
    ['no-import', 6, 7, "{globalThis.process.getBuiltinModule('node:fs')"],
  ])('reports the expression in %s', (name, line, column, message) => {
    articles.expectExactly(`docs/article-code-fail-${name}.mdx`, [{ rule: 'article-code', line, column, message: [message, 'is a JavaScript expression'], hint: ['write \\{'] }]);
  });

  it('reports code after a line comment that a carriage return ends (JavaScript ends // comments there too)', () => {
    articles.expectExactly('docs/article-code-fail-line-comment.mdx', [{ rule: 'article-code', line: 6, column: 6, message: ['{// a note', 'is a JavaScript expression'], hint: ['write \\{'] }]);
  });

  it('reports ESM however it is written', () => {
    articles.expectExactly('docs/article-code-fail-import-comment.mdx', [{ rule: 'article-code', line: 6, column: 1, message: ['import /* harmless */ team', 'is an import or export'], hint: ['Remove it'] }]);
    articles.expectExactly('docs/article-code-fail-export.mdx', [{ rule: 'article-code', line: 6, column: 1, message: ['export const data = 1'], hint: ['Remove it'] }]);
  });

  it('reports expressions and spreads in JSX attributes', () => {
    articles.expectExactly('docs/article-code-fail-jsx-href-expression.mdx', [
      { rule: 'article-code', line: 6, column: 1, message: ['href={"/features/" + "x/"}', 'is a JavaScript expression'], hint: ['href="..."'] },
    ]);
    articles.expectExactly('docs/article-code-fail-jsx-spread.mdx', [{ rule: 'article-code', line: 6, column: 1, message: ['{...props}'], hint: ['name="text"'] }]);
  });

  it('reports elements and attributes not on the allow-list, and components', () => {
    articles.expectExactly('docs/article-code-fail-script.mdx', [code(6, 1, '<script> is not an element')]);
    articles.expectExactly('docs/article-code-fail-img-onerror.mdx', [code(6, 1, '<img> is not an element')]);
    articles.expectExactly('docs/article-code-fail-style-attribute.mdx', [code(6, 1, '<kbd> may not have the attribute "style"')]);
    articles.expectExactly('docs/article-code-fail-component.mdx', [code(6, 1, '<Secret> is a component')]);
    articles.expectExactly('docs/article-code-fail-member-component.mdx', [code(6, 1, '<Foo.Bar> is a component')]);
  });

  it('checks every link the same way, in Markdown, in JSX and in definitions', () => {
    articles.expectExactly('docs/article-code-fail-links.mdx', [
      link(6, 1, '"javascript:alert(1)" is not a full https:// address'),
      link(6, 26, '"http://example.com" is not a full https:// address'),
      link(6, 50, 'the internal page features/dark-mode.mdx'),
      link(7, 1, 'the internal page /features/'),
      link(7, 17, 'points to team.yaml, which is not an article'),
      link(7, 35, '"mailto:x@example.com" is not a full https:// address'),
      link(8, 1, 'the internal page /people/'),
      link(8, 42, '"data:text/html,hi" is not a full https:// address'),
      link(9, 1, 'the internal page /features/'),
      link(11, 1, 'the internal page handbook/team.mdx'),
    ]);
  });

  it('accepts only images beside the article or at https:// addresses', () => {
    articles.expectExactly('docs/article-code-fail-images.mdx', [
      image(6, 1, 'is outside content/docs'),
      image(6, 33, 'points to docs/missing.png, which is not a file in features/, docs/ or handbook/'),
      image(6, 53, 'is not an image file'),
      image(6, 81, '"http://example.com/x.png" is not a full https:// address'),
      image(6, 112, '"file:///etc/passwd" is not a full https:// address'),
      image(6, 137, 'points to docs/not-a-picture.png, which is not an image (its contents are not PNG'),
      // A reference to a definition that names an article: fine as a link, not as an image.
      image(8, 1, 'The image "./getting-started.mdx" is not an image file'),
    ]);
  });

  it('reports nothing else in the fixture: no second rule for the same mistake', () => {
    expect(articles.result.diagnostics.filter((d) => d.rule !== 'article-code')).toEqual([]);
  });

  it.each(['off', 'warning'])('cannot be set to %s in process.yaml: the setting is itself an error, and the rule still reports', (setting) => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-locked-'));
    try {
      cpSync(path.join(fixturesDir, 'rules/article-code'), work, { recursive: true });
      const processFile = path.join(work, 'process.yaml');
      writeFileSync(processFile, readFileSync(processFile, 'utf8').replace(/^rules:.*$/m, `rules:\n  article-code: ${setting}`));
      const { diagnostics } = validateRoot(work, { today: FIXTURE_TODAY, cwd: work });
      expect(diagnostics.filter((d) => d.file === 'process.yaml').map(({ rule, severity, message }) => ({ rule, severity, message }))).toEqual([
        { rule: 'frontmatter', severity: 'error', message: `"rules" sets "article-code" to "${setting}", but article-code cannot be changed: it keeps internal data off the public site.` },
      ]);
      const articleFindings = diagnostics.filter((d) => d.rule === 'article-code');
      expect(articleFindings.length).toBe(articles.result.diagnostics.length);
      expect(articleFindings.every((d) => d.severity === 'error')).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
