import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/engine/content-files.ts';
import { validateRoot } from '../../src/engine/validate.ts';
import { runInProcess } from '../helpers/cli.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';

/**
 * Entries of a content root that are named like pages but are not plain
 * files inside it. Each is one `frontmatter` finding on that entry, and
 * nothing beneath or behind it is read: the root below holds links to the
 * repository, to /tmp and to /dev/zero, which would otherwise be globbed or
 * read without end.
 */
let work: string;
let root: string;
let outside: string;

function validate() {
  return validateRoot(root, { today: FIXTURE_TODAY, cwd: root });
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-odd-'));
  root = path.join(work, 'content');
  outside = path.join(work, 'outside');
  cpSync(path.join(fixturesDir, 'valid'), root, { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.mdx'), '---\ntitle: Secret\n---\nOutside the root.\n');

  // Folders and links named like pages.
  mkdirSync(path.join(root, 'features/folder.mdx/inner'), { recursive: true });
  writeFileSync(path.join(root, 'features/folder.mdx/inner/deep.mdx'), 'never read');
  symlinkSync(path.resolve(fixturesDir, '../..'), path.join(root, 'features/repo.mdx'));
  symlinkSync(os.tmpdir(), path.join(root, 'features/tmp.mdx'));
  symlinkSync('/dev/zero', path.join(root, 'features/zero.mdx'));
  symlinkSync(path.join(outside, 'secret.mdx'), path.join(root, 'docs/secret.mdx'));
  symlinkSync(path.join(root, 'nowhere.mdx'), path.join(root, 'docs/dangling.mdx'));
  execFileSync('mkfifo', [path.join(root, 'features/pipe.mdx')]);
  // A link to a folder inside the handbook is not entered either.
  symlinkSync(outside, path.join(root, 'handbook/linked-folder'));
  // Not UTF-8: the build cannot load it.
  writeFileSync(path.join(root, 'docs/latin1.mdx'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\nBody.\n')]));
  // Too large to read.
  writeFileSync(path.join(root, 'docs/huge.mdx'), `---\ntitle: Huge\n---\n${'x'.repeat(MAX_FILE_BYTES)}\n`);
  // A link that stays inside the root to a plain file is followed: this page is read and judged.
  mkdirSync(path.join(root, 'drafts'));
  writeFileSync(path.join(root, 'drafts/linked.mdx'), '---\ntitle: Linked\ndescription: A page kept elsewhere in the root.\n---\nHello.\n');
  symlinkSync(path.join(root, 'drafts/linked.mdx'), path.join(root, 'handbook/linked.mdx'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('entries that are not plain page files', () => {
  it('are one frontmatter finding each, saying what the entry is', () => {
    const result = validate();
    const odd = result.diagnostics.map((d) => [d.file, d.rule, d.line, d.message]);
    expect(odd).toEqual([
      ['docs/dangling.mdx', 'frontmatter', 1, 'docs/dangling.mdx is a link to nothing (its target does not exist).'],
      ['docs/huge.mdx', 'frontmatter', 1, 'docs/huge.mdx is 2.0 MB, over the 2 MB limit for a content file.'],
      ['docs/latin1.mdx', 'frontmatter', 1, 'docs/latin1.mdx is not valid UTF-8 text.'],
      ['docs/secret.mdx', 'frontmatter', 1, 'docs/secret.mdx is a link that leads outside the content root, which is never read.'],
      ['features/folder.mdx', 'frontmatter', 1, 'features/folder.mdx is a folder, not a page file.'],
      ['features/pipe.mdx', 'frontmatter', 1, 'features/pipe.mdx is not a plain file.'],
      ['features/repo.mdx', 'frontmatter', 1, 'features/repo.mdx is a link that leads outside the content root, which is never read.'],
      ['features/tmp.mdx', 'frontmatter', 1, 'features/tmp.mdx is a link that leads outside the content root, which is never read.'],
      ['features/zero.mdx', 'frontmatter', 1, 'features/zero.mdx is a link that leads outside the content root, which is never read.'],
      ['handbook/linked-folder', 'frontmatter', 1, 'handbook/linked-folder is a link to a folder, which is not followed.'],
    ]);
    for (const d of result.diagnostics) expect(d.hint.length).toBeGreaterThan(10);
  });

  it('follow a link inside the root to a plain file, reading the page once', () => {
    const result = validate();
    const linked = result.load.content!.handbook.find((entry) => entry.id === 'linked');
    expect(linked?.data.title).toBe('Linked');
    expect(result.load.files.filter((f) => f.source.id === 'linked')).toHaveLength(1);
  });

  it('never read a byte outside the root', () => {
    const result = validate();
    const texts = result.load.files.map((f) => f.source.text).join('\n');
    expect(texts).not.toContain('Outside the root.');
    expect(texts).not.toContain('never read');
  });

  it('are reported for process.yaml and team.yaml too', () => {
    const second = path.join(work, 'content-2');
    cpSync(path.join(fixturesDir, 'valid'), second, { recursive: true });
    rmSync(path.join(second, 'team.yaml'));
    symlinkSync('/dev/zero', path.join(second, 'team.yaml'));
    const result = validateRoot(second, { today: FIXTURE_TODAY, cwd: second });
    expect(result.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([
      ['team.yaml', 'frontmatter', 'team.yaml is a link that leads outside the content root, which is never read.'],
    ]);
  });

  it('are reported by the validate command in every format, which never reads them for its source lines', async () => {
    for (const format of ['text', 'json', 'github']) {
      const run = await runInProcess('validate', ['--content', root, '--today', FIXTURE_TODAY, '--format', format], { cwd: root });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('features/zero.mdx');
      expect(run.stdout).toContain('features/pipe.mdx');
    }
  });
});
