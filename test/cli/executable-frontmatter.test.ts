import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, repoRoot } from '../helpers/validate.ts';
import { runValidate, TODAY } from './run.ts';

/**
 * The fixture's front-matter blocks hold code that, if anything evaluated it,
 * would set globalThis.__shiplogPwned and write the file named by
 * SHIPLOG_PWNED_FILE. Both are checked after validating, with the engine
 * and with the validate command (both in this process).
 */
const ROOT = 'test/fixtures/cli/executable';
const scratch = mkdtempSync(path.join(tmpdir(), 'shiplog-exec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const executable = ['features/javascript-block.mdx', 'features/js-block.mdx', 'features/spaced-block.mdx', 'handbook/evaluated.mdx'];

describe('executable front matter', () => {
  it('is a frontmatter error at the opening line, and the code never runs (in-process)', () => {
    const marker = path.join(scratch, 'in-process.txt');
    process.env.SHIPLOG_PWNED_FILE = marker;
    try {
      const result = validateRoot(path.join(repoRoot, ROOT), { today: FIXTURE_TODAY, cwd: repoRoot });
      for (const file of executable) {
        expect(result.diagnostics.filter((d) => d.file === `${ROOT}/${file}`)).toEqual([
          expect.objectContaining({ rule: 'frontmatter', severity: 'error', line: 1, column: 1, message: expect.stringMatching(/^Executable front matter \("---(js|javascript)"\) is not allowed/) }),
        ]);
      }
      // A YAML tag that old loaders turned into a function is not one here.
      expect(result.diagnostics.filter((d) => d.file === `${ROOT}/features/yaml-js-tag.mdx`).map((d) => d.rule)).toEqual(['frontmatter']);
      // The only other feature is valid and still judged.
      expect(result.diagnostics.filter((d) => d.rule !== 'frontmatter')).toEqual([]);
      expect(result.load.content!.features.map((f) => f.id)).toEqual(['inline-spellcheck']);
    } finally {
      delete process.env.SHIPLOG_PWNED_FILE;
    }
    expect((globalThis as { __shiplogPwned?: unknown }).__shiplogPwned).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('makes the command exit 1 with the diagnostics, and the code never runs (as a command)', async () => {
    const marker = path.join(scratch, 'command.txt');
    // The command runs in this process: evaluated code would read the marker's name from process.env.
    process.env.SHIPLOG_PWNED_FILE = marker;
    let run;
    try {
      run = await runValidate(['--content', ROOT, '--format', 'json', ...TODAY], { env: { SHIPLOG_PWNED_FILE: marker } });
    } finally {
      delete process.env.SHIPLOG_PWNED_FILE;
    }
    expect(run.status).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; rule: string }[] };
    expect(diagnostics.map((d) => d.file)).toEqual(expect.arrayContaining(executable.map((f) => `${ROOT}/${f}`)));
    expect(new Set(diagnostics.map((d) => d.rule))).toEqual(new Set(['frontmatter']));
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(repoRoot, 'shiplog-pwned.txt'))).toBe(false);
    expect((globalThis as { __shiplogPwned?: unknown }).__shiplogPwned).toBeUndefined();
  });
});
