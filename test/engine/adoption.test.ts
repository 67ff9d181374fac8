import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstHeading, handbookIds } from '../../src/engine/load.ts';
import { anchorsOf } from '../../src/engine/links.ts';
import { parseBody } from '../../src/engine/mdx-body.ts';
import { validateRoot } from '../../src/engine/validate.ts';
import { publicProjection, UnsafeArticleError } from '../../src/views/public.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

/**
 * Adopting an existing Markdown handbook (the content contract's section of
 * that name): pages as they are, ids from paths, links as GitHub resolves
 * them, and hostile or unusual input. Each case is a real content root: the
 * valid fixture plus the files the case needs.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture with `files` (path under the root -> text) added. */
function rootWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplog-adopt-'));
  made.push(dir);
  const root = path.join(dir, 'content');
  cpSync(path.join(fixturesDir, 'valid'), root, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const validate = (root: string) => validateRoot(root, { today: FIXTURE_TODAY, cwd: path.dirname(root) });
const handbookIdsOf = (root: string) => validate(root).load.content!.handbook.map((page) => page.id).sort();
const messages = (root: string, rule?: string) =>
  validate(root)
    .diagnostics.filter((d) => rule === undefined || d.rule === rule)
    .map((d) => `${d.file} ${d.rule}: ${d.message}`);

describe('the adoption fixture', () => {
  it('reports only its two really broken links', () => {
    const result = validateRoot(path.join(fixturesDir, 'adoption'), { today: FIXTURE_TODAY, cwd: repoRoot });
    expect(result.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([
      ['test/fixtures/adoption/handbook/company/code_of_conduct.md', 'handbook-link', 'The link "./missing-page.md" points to handbook/company/missing-page.md, which does not exist.'],
      ['test/fixtures/adoption/handbook/company/code_of_conduct.md', 'handbook-link', 'The link "./code_of_conduct.md#nope" points to the heading "#nope", which this page does not have.'],
    ]);
    const pages = new Map(result.load.content!.handbook.map((page) => [page.id, page]));
    // Titles: the first "# " heading, else the file name (README/index pages: their folder's).
    expect(pages.get('company/index')?.data.title).toBe('Company handbook');
    expect(pages.get('company/field-marketing')?.data.title).toBe('Field marketing');
    expect(pages.get('company/field-marketing')?.file.titleFromHeading).toBeUndefined();
    expect(pages.get('company/code-of-conduct')?.file.titleFromHeading).toBe(true);
    // index.md beside README.md: index is the folder's page, README an ordinary one.
    expect(pages.get('company/people/index')?.data.title).toBe('People team');
    expect(pages.get('company/people/readme')?.data.title).toBe('People readme');
    // Declared extra keys are dropped, not kept as data.
    expect(pages.get('company/okta/main')?.data).toEqual({ title: 'Okta' });
  });
});

describe('page ids from paths', () => {
  it('lowercases, turns spaces and "_" into "-", and drops other punctuation, part by part', () => {
    const ids = handbookIds(['Café Menu.md', 'v1.2 notes.md', 'ÜBER uns/README.md', 'code_of_conduct.md', 'Okta/main.md', 'field marketing.md', 'a/index.mdx', 'a/README.md']);
    expect(Object.fromEntries([...ids].map(([name, { id }]) => [name, id]))).toEqual({
      'Café Menu.md': 'café-menu',
      'v1.2 notes.md': 'v12-notes',
      'ÜBER uns/README.md': 'über-uns/index',
      'code_of_conduct.md': 'code-of-conduct',
      'Okta/main.md': 'okta/main',
      'field marketing.md': 'field-marketing',
      'a/index.mdx': 'a/index',
      'a/README.md': 'a/readme',
    });
  });

  it('gives names without letters or digits a finding, not an empty id', () => {
    const root = rootWith({ 'handbook/!!!.md': '# Bangs\n' });
    expect(messages(root, 'frontmatter')).toEqual([expect.stringContaining('"!!!" in handbook/!!!.md gives no usable page id (it has no letters or digits).')]);
  });

  it('reports Okta.md next to okta.md once, naming both files, and keeps one page', () => {
    const root = rootWith({ 'handbook/Okta.md': '# Okta\n', 'handbook/okta.md': '# okta\n' });
    expect(messages(root)).toEqual([
      'content/handbook/okta.md frontmatter: handbook/okta.md and handbook/Okta.md have the same page id "okta", so they would be one page.',
    ]);
    expect(handbookIdsOf(root).filter((id) => id === 'okta')).toEqual(['okta']);
  });

  it('reports x.md next to x.mdx, and x.md next to x/index.md (the same address)', () => {
    const root = rootWith({ 'handbook/x.md': '# X\n', 'handbook/x.mdx': '---\ntitle: X\n---\n', 'handbook/y.md': '# Y\n', 'handbook/y/index.md': '# Y folder\n' });
    const found = messages(root);
    expect(found).toContainEqual(expect.stringContaining('handbook/x.mdx and handbook/x.md have the same page id "x"'));
    expect(found.filter((m) => m.includes('route-collision'))).toEqual([
      'content/handbook/y.md route-collision: handbook/y.md and handbook/y/index.md would both be published at /y/.',
      'content/handbook/y/index.md route-collision: handbook/y/index.md and handbook/y.md would both be published at /y/.',
    ]);
  });

  it('reads names with spaces, capitals, dots and non-ASCII letters, and links to them as written', () => {
    const root = rootWith({
      'handbook/Café Menu.md': '# Café menu\n\n## Crème brûlée\n',
      'handbook/v1.2 notes.md': '# Notes\n',
      'handbook/links.md': '# Links\n\n[a](./Café%20Menu.md#crème-brûlée) [b](<Café Menu.md>) [c](./v1.2%20notes.md) [d](./Caf%C3%A9%20Menu)\n',
    });
    expect(messages(root)).toEqual([]);
    expect(handbookIdsOf(root)).toEqual(expect.arrayContaining(['café-menu', 'v12-notes', 'links']));
  });
});

describe('frontmatter on handbook pages', () => {
  it('is optional, and so is description; an unknown key not declared in extraKeys is still an error', () => {
    const root = rootWith({ 'handbook/plain.md': 'No heading, no frontmatter.\n', 'handbook/keyed.md': '---\nlayout: wide\n---\n# Keyed\n' });
    expect(messages(root)).toEqual([expect.stringMatching(/^content\/handbook\/keyed\.md frontmatter: .*"layout"/)]);
  });

  it('takes the title from the first level-1 heading outside code, as the reader sees it', () => {
    expect(firstHeading('```\n# not this\n```\n\n## Second level\n\n# The **real** [title](x.md) #\n')).toBe('The real title');
    expect(firstHeading('Setext title\n============\n\n# Later\n')).toBe('Setext title');
    expect(firstHeading('~~~md\n# code\n~~~\nText only.\n')).toBeUndefined();
    expect(firstHeading('#hashtag is not a heading\n')).toBeUndefined();
  });
});

describe('anchors', () => {
  it('are github-slugger ids, numbered when repeated, with emoji and punctuation dropped, plus id and name attributes', () => {
    const parsed = parseBody('# Intro\n\n## 🎉 Party time!\n\n## C++ & Rust: "fast"?\n\n## Intro\n\n<a name="legacy"></a>\n\n<span id="custom">x</span>\n', 'md');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect([...anchorsOf(parsed.tree)]).toEqual(['intro', '-party-time', 'c--rust-fast', 'intro-1', 'legacy', 'custom']);
  });
});

describe('hostile input', () => {
  it('refuses a link that leaves the content root and never follows it', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'shiplog-outside-'));
    made.push(outside);
    writeFileSync(path.join(outside, 'secret.md'), '# SECRET-CANARY\n');
    mkdirSync(path.join(outside, 'folder'));
    writeFileSync(path.join(outside, 'folder/inside.md'), '# FOLDER-CANARY\n');
    const root = rootWith({});
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'handbook/secret.md'));
    symlinkSync(path.join(outside, 'folder'), path.join(root, 'handbook/folder'));
    const result = validate(root);
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'content/handbook/folder: handbook/folder is a link to a folder, which is not followed.',
      'content/handbook/secret.md: handbook/secret.md is a link that leads outside the content root, which is never read.',
    ]);
    const texts = result.load.files.map((file) => file.source.text).join('\n');
    expect(texts).not.toContain('CANARY');
  });

  it('reports a link to ../../../../etc/passwd as leaving the content root, and reads nothing there', () => {
    const root = rootWith({ 'handbook/escape.md': '# Escape\n\n[passwords](../../../../etc/passwd) [absolute](/etc/passwd) [encoded](..%2F..%2F..%2Fetc%2Fpasswd)\n' });
    expect(messages(root, 'handbook-link')).toEqual([
      'content/handbook/escape.md handbook-link: The link "../../../../etc/passwd" points outside the content root, which the site does not publish.',
      'content/handbook/escape.md handbook-link: The link "/etc/passwd" is a site path the site does not generate.',
      'content/handbook/escape.md handbook-link: The link "..%2F..%2F..%2Fetc%2Fpasswd" points outside the content root, which the site does not publish.',
    ]);
  });

  it('reports a 5 MB page instead of reading it', () => {
    const root = rootWith({ 'handbook/huge.md': `# Huge\n\n${'All work and no play. '.repeat(240_000)}` });
    const started = performance.now();
    expect(messages(root)).toEqual(['content/handbook/huge.md frontmatter: handbook/huge.md is 5.0 MB, over the 2 MB limit for a content file.']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('checks a page with 10,000 links in linear time', () => {
    const page = (n: number) => `# Many\n\n## Target\n\n${Array.from({ length: n }, (_, i) => `[${i}](./many.md#target) [${i}](#target) [${i}](./gone-${i % 10}.md)`).join('\n')}\n`;
    const time = (n: number) => {
      const root = rootWith({ 'handbook/many.md': page(n) });
      const started = performance.now();
      const found = messages(root, 'handbook-link');
      return { ms: performance.now() - started, found: found.length };
    };
    time(1_000); // warm-up
    const small = time(5_000);
    const large = time(10_000);
    // One broken link in three.
    expect(small.found).toBe(5_000);
    expect(large.found).toBe(10_000);
    expect(large.ms).toBeLessThan(small.ms * 3.5);
  });

  it('does not run or publish the raw HTML of a .md article, and leaves its braces as text', () => {
    const root = rootWith({
      'docs/plain.md': '---\ntitle: Plain\ndescription: Braces are text.\nready: true\n---\nPress {ctrl} and <kbd>K</kbd>.\n',
      'docs/script.md': '---\ntitle: Script\ndescription: Raw HTML.\nready: true\n---\n<script>alert(document.cookie)</script>\n\n<a href="/people/">team</a> <img src=x onerror=alert(1)>\n',
    });
    const result = validate(root);
    expect(result.diagnostics.filter((d) => d.file.endsWith('plain.md'))).toEqual([]);
    expect(result.diagnostics.filter((d) => d.file.endsWith('script.md')).map((d) => `${d.rule}: ${d.message}`)).toEqual([
      'article-code: <script> is raw HTML that an article may not use: the public site would publish it as written.',
      'article-code: <a href> in raw HTML is a link the article rules cannot check.',
      'article-code: <img> is raw HTML that an article may not use: the public site would publish it as written.',
    ]);
    expect(() => publicProjection(result.load.content!, { today: FIXTURE_TODAY })).toThrow(UnsafeArticleError);
  });
});
