import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/engine/validate.ts';
import { runBuild } from '../helpers/build.ts';
import { readPage } from './helpers/html.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';

/**
 * `validate` exit 0 means the build succeeds. The validator splits
 * frontmatter where Astro does, reads YAML with Astro's own reader, and
 * compiles bodies with the sites' compiler, so each input below that the
 * build would reject is a finding, and the near misses that are fine
 * (quoted values, fences with spaces, CRLF, a BOM, escaped braces) build.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-agree-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FEATURE = `---
title: A feature
summary: A fixture feature.
owner: marco-rossi
stage: development
flag: a-flag
dates:
  development: 2026-11-02
---
## Notes

Plain notes.
`;

/** A copy of the valid fixture with one feature page written as `text`. */
function rootWith(name: string, id: string, text: string): string {
  const root = path.join(work, name);
  cpSync(path.join(fixturesDir, 'valid'), root, { recursive: true });
  writeFileSync(path.join(root, `features/${id}.mdx`), text);
  return root;
}

const cases: [string, string, string, string][] = [
  ['an opening fence with a language', 'tagged', FEATURE.replace(/^---\n/, '---yaml\n'), 'frontmatter'],
  ['a "..." closing fence', 'dots', FEATURE.replace('---\n## Notes', '...\n## Notes'), 'frontmatter'],
  ['a closing line that only starts with ---', 'closing', FEATURE.replace('---\n## Notes', '--- end\n## Notes'), 'frontmatter'],
  ['an unquoted date as the title', 'date-title', FEATURE.replace('title: A feature', 'title: 2026-01-01'), 'frontmatter'],
  ['a binary number as the flag', 'binary-flag', FEATURE.replace('flag: a-flag', 'flag: 0b1010'), 'frontmatter'],
  ['a date in the summary', 'date-summary', FEATURE.replace('summary: A fixture feature.', 'summary: 2026-01-01T10:00:00Z'), 'frontmatter'],
  ['an expression in the body', 'expression', FEATURE.replace('Plain notes.', 'Hello {customer.name}.'), 'mdx-syntax'],
  ['an unclosed <br>', 'br', FEATURE.replace('Plain notes.', 'One<br>two'), 'mdx-syntax'],
  ['an image that is not there', 'missing-image', FEATURE.replace('Plain notes.', '![x](./nope.png)'), 'handbook-link'],
  ['the feature id category', 'category', FEATURE, 'route-collision'],
  ['the feature id releases', 'releases', FEATURE, 'route-collision'],
];

describe('what the build would reject, validate rejects', () => {
  it.each(cases)('%s', (_label, id, text, rule) => {
    const root = rootWith(`reject-${id}`, id, text);
    const { diagnostics } = validateRoot(root, { today: FIXTURE_TODAY, cwd: root });
    expect(diagnostics.map((d) => `${d.file} ${d.rule} ${d.severity}`)).toEqual([`features/${id}.mdx ${rule} error`]);
  });
});

describe('what validate passes, the build builds', () => {
  const root = path.join(work, 'near-misses');
  cpSync(path.join(fixturesDir, 'valid'), root, { recursive: true });
  const pages: Record<string, string> = {
    'quoted-values': FEATURE.replace('title: A feature', "title: '2026-01-01'").replace('flag: a-flag', 'flag: "0b1010"'),
    'fences-with-spaces': FEATURE.replace(/^---\n/, '---  \n').replace('---\n## Notes', '--- \t\n## Notes').replace('flag: a-flag', 'flag: b-flag'),
    crlf: FEATURE.replace('flag: a-flag', 'flag: c-flag').replace(/\n/g, '\r\n'),
    bom: `\uFEFF${FEATURE.replace('flag: a-flag', 'flag: d-flag')}`,
    'escaped-braces': FEATURE.replace('flag: a-flag', 'flag: e-flag').replace('Plain notes.', 'Greets \\{customer.name\\}<br /> {/* a comment */}'),
  };
  pages['with-image'] = FEATURE.replace('flag: a-flag', 'flag: f-flag').replace('Plain notes.', '![A screenshot](./shot.png)');
  // A real 1x1 PNG beside the page: relative images are imported by the build.
  writeFileSync(path.join(root, 'features/shot.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  for (const [id, text] of Object.entries(pages)) writeFileSync(path.join(root, `features/${id}.mdx`), text);

  it('validates without errors', () => {
    const { diagnostics } = validateRoot(root, { today: FIXTURE_TODAY, cwd: root });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('builds the internal site, with every one of these pages', async () => {
    const out = path.join(work, 'out');
    const build = await runBuild({ out, only: 'internal', content: root });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const html = (id: string) => readFileSync(path.join(build.siteDir, `features/${id}/index.html`), 'utf8');
    for (const id of Object.keys(pages)) expect(readPage(build.siteDir, `/features/${id}/`).text('h1')).toBe(id === 'quoted-values' ? '2026-01-01' : 'A feature');
    expect(html('escaped-braces')).toContain('{customer.name}');
  }, 300_000);
});
