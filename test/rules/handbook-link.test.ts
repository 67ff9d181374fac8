import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturesDir, validateFixture } from '../helpers/validate.ts';

const root = path.join(fixturesDir, 'links');

/** Line and column (1-based) of the first occurrence of `needle` in a fixture file, counted independently of the validator. */
function positionOf(file: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path.join(root, file), 'utf8');
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in ${file}`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

function lineOf(file: string, needle: string): { line: number } {
  return { line: positionOf(file, needle).line };
}

// Each broken link in the fixture: where it is (the text the link starts with), and what the message and hint must say.
const expected = [
  { file: 'handbook/bad.mdx', at: '[teams](./teams.mdx)', message: 'points to handbook/teams.mdx, which does not exist', hint: 'Did you mean "./team.mdx"?' },
  { file: 'handbook/bad.mdx', at: '[Gary](./team.mdx#gary-mcgrat)', message: 'heading "#gary-mcgrat", which handbook/team.mdx does not have', hint: 'Did you mean "./team.mdx#gary-mcgrath"?' },
  { file: 'handbook/bad.mdx', at: '[here](#brokn)', message: 'heading "#brokn", which this page does not have', hint: 'Did you mean "#broken"?' },
  { file: 'handbook/bad.mdx', at: '[dark mode](/features/dark-mod/)', message: 'the feature "dark-mod", which is not in content/features', hint: 'Did you mean "/features/dark-mode/"?' },
  { file: 'handbook/bad.mdx', at: '[Gary](/people/gary-mcgrth/)', message: 'the person "gary-mcgrth", who is not in team.yaml', hint: 'Did you mean "/people/gary-mcgrath/"?' },
  // From the content root, as GitHub reads it: the folder handbook/team/ has no page (team.mdx is a page, not a folder).
  { file: 'handbook/bad.mdx', at: '[team](/handbook/team/)', message: 'points to handbook/team/, which does not exist', hint: 'Did you mean "./team.mdx"?' },
  { file: 'handbook/bad.mdx', at: '[readme](../../README.md)', message: 'points outside the content root', hint: 'https://' },
  { file: 'handbook/bad.mdx', at: '[notes](../features/dark-mode.mdx#the-notes)', message: 'heading "#the-notes", which features/dark-mode.mdx does not have', hint: 'Headings on features/dark-mode.mdx: #why-it-skipped-beta.' },
  { file: 'handbook/bad.mdx', at: '[article](../docs/using-darkmode.mdx)', message: 'docs/using-darkmode.mdx, which does not exist', hint: 'Did you mean "../docs/using-dark-mode.mdx"?' },
  { file: 'handbook/bad.mdx', at: '<a href="./guides/advanced.mdx">', message: 'handbook/guides/advanced.mdx, which does not exist', hint: 'Did you mean "./guides/advance.mdx"?' },
  { file: 'handbook/bad.mdx', at: '<a href="./team.mdx#james-doman-pipe">', message: 'is an <a href> to a page file, which the site leaves as written', hint: 'Write it as a Markdown link, [text](./team.mdx#james-doman-pipe)' },
  { file: 'handbook/bad.mdx', at: '[ref]: ./team.mdx#alicia-carny', message: 'heading "#alicia-carny"', hint: 'Did you mean "./team.mdx#alicia-carney"?' },
  { file: 'handbook/bad.mdx', at: '[team](teem.mdx)', message: 'points to handbook/teem.mdx, which does not exist', hint: 'Did you mean "./team.mdx"?' },
  { file: 'handbook/bad.mdx', at: '![missing](./missing.png)', message: 'The image "./missing.png" points to handbook/missing.png, which is not a file', hint: 'Put the image in the content root' },
  { file: 'handbook/bad.mdx', at: '![fake](./fake.png)', message: 'which is not an image (its contents are not PNG', hint: 'Put the image in the content root' },
  { file: 'handbook/bad.mdx', at: '![yaml](../team.yaml)', message: 'points to team.yaml, which is not a file in features/, docs/ or handbook/', hint: 'Put the image in the content root' },
  { file: 'handbook/bad.mdx', at: '![outside](../../elsewhere.png)', message: 'is outside the content root', hint: 'Put the image in the content root' },
  { file: 'features/dark-mode.mdx', at: '![Screenshot](./dark.png)', message: 'points to features/dark.png, which is not a file', hint: 'Put the image in the content root' },
  { file: 'handbook/crlf.mdx', at: '[team](./team.mdx#nobody)', message: 'heading "#nobody", which handbook/team.mdx does not have', hint: 'Headings on handbook/team.mdx: #gary-mcgrath, #kelly-obrien, #james-doman-pipe, #alicia-carney.' },
  { file: 'docs/bad-article.mdx', at: '[A heading that is not there]', message: 'heading "#switch-it-off", which docs/using-dark-mode.mdx does not have', hint: 'Did you mean "./using-dark-mode.mdx#switch-it-on"?' },
];

describe('handbook-link', () => {
  const result = validateFixture('links');
  const findings = findingsOf(result, 'handbook-link');

  it('reports each broken link at its own line and column, with the target named and a fix', () => {
    const actual = findings.map(({ file, line, column, severity, message, hint }) => ({ file, line, column, severity, message, hint }));
    const wanted = expected.map((e) => ({
      file: `test/fixtures/links/${e.file}`,
      ...positionOf(e.file, e.at),
      severity: 'error',
      message: expect.stringContaining(e.message),
      hint: expect.stringContaining(e.hint),
    }));
    expect(actual).toEqual(expect.arrayContaining(wanted));
    expect(actual).toHaveLength(wanted.length);
  });

  it('accepts links GitHub resolves: without the extension, and without "./"', () => {
    const text = readFileSync(path.join(root, 'handbook/bad.mdx'), 'utf8');
    for (const link of ['[team](./team)', '[team](team.mdx#gary-mcgrath)']) {
      expect(text).toContain(link);
      const { line } = lineOf('handbook/bad.mdx', link);
      expect(findings.filter((d) => d.file.endsWith('handbook/bad.mdx') && d.line === line)).toEqual([]);
    }
  });

  it('counts lines in the whole file, after a BOM, CRLF line endings and the frontmatter', () => {
    const crlf = findings.find((d) => d.file.endsWith('handbook/crlf.mdx'));
    expect(crlf).toMatchObject({ line: 9, column: 10 });
  });

  it('accepts every good kind of link: files, headings with duplicates and code, explicit ids, features, articles, generated pages, external, references, JSX', () => {
    const good = findings.filter((d) => d.file.endsWith('handbook/good.mdx') || d.file.endsWith('handbook/guides/advance.mdx'));
    expect(good).toEqual([]);
    // The good page really has links of each kind, so the empty list above means something.
    const text = readFileSync(path.join(root, 'handbook/good.mdx'), 'utf8');
    for (const link of ['#notes-1', '#the-flag-key', '#custom-anchor', '../features/dark-mode.mdx#why-it-skipped-beta', '/people/gary-mcgrath/', '[alicia]: ./team.mdx', '<a href="#custom-anchor">']) {
      expect(text).toContain(link);
    }
  });

  it('leaves a body that is not valid MDX to mdx-syntax: its links cannot be known', () => {
    expect(result.diagnostics.filter((d) => d.file.endsWith('handbook/broken-mdx.mdx')).map((d) => d.rule)).toEqual(['mdx-syntax']);
    expect(readFileSync(path.join(root, 'handbook/broken-mdx.mdx'), 'utf8')).toContain('(./nowhere.mdx)');
  });

  it('leaves where an article may link to article-code: one finding per link, never two', () => {
    const others = result.diagnostics.filter((d) => d.rule !== 'handbook-link').map(({ file, line, rule }) => ({ file, line, rule }));
    expect(others).toEqual([
      { file: 'test/fixtures/links/docs/bad-article.mdx', ...lineOf('docs/bad-article.mdx', '[The team](../handbook/team.mdx)'), rule: 'article-code' },
      { file: 'test/fixtures/links/docs/bad-article.mdx', ...lineOf('docs/bad-article.mdx', '[Everyone](/people/)'), rule: 'article-code' },
      { file: 'test/fixtures/links/handbook/broken-mdx.mdx', line: 5, rule: 'mdx-syntax' },
    ]);
  });

  it('finds nothing in the valid fixture', () => {
    expect(findingsOf(validateFixture('valid'), 'handbook-link')).toEqual([]);
  });
});
