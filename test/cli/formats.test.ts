import { describe, expect, it } from 'vitest';
import { runValidate, TODAY } from './run.ts';

const MIXED = ['--content', 'test/fixtures/cli/mixed', ...TODAY];
const ESC = '\u001b[';

function jsonDiagnostics() {
  const run = runValidate([...MIXED, '--format', 'json']);
  return (JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] }).diagnostics;
}

describe('validate --format github', () => {
  it('prints one workflow command per diagnostic, at the same places as the JSON report', () => {
    const run = runValidate([...MIXED, '--format', 'github']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    const pattern = /^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+),title=([a-z-]+)::(.+)$/;
    const parsed = lines.map((line) => {
      const match = pattern.exec(line);
      expect(match, line).not.toBeNull();
      const [, severity, file, lineNo, column, rule, text] = match!;
      return { severity, file, line: Number(lineNo), column: Number(column), rule, text: text ?? "" };
    });
    const expected = jsonDiagnostics();
    expect(parsed.map(({ severity, file, line, column, rule }) => ({ severity, file, line, column, rule }))).toEqual(
      expected.map(({ severity, file, line, column, rule }) => ({ severity, file, line, column, rule })),
    );
    // The message and its fix travel in one annotation: the newline is escaped, never printed.
    for (const [index, entry] of parsed.entries()) {
      expect(entry.text.startsWith(expected[index]!.message)).toBe(true);
      expect(entry.text).toContain('%0AFix: ');
    }
  });

  it('prints nothing for a clean root', () => {
    const run = runValidate(['--content', 'test/fixtures/cli/clean', ...TODAY, '--format', 'github']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});

describe('validate --format text', () => {
  it('groups by file, shows the source line with a marker under the column, the fix, and a summary; no colour when not a terminal', () => {
    const run = runValidate(MIXED);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(ESC);
    const lines = run.stdout.split('\n');
    // Each file's name appears once, as a heading, before its diagnostics.
    const headings = lines.filter((line) => line.startsWith('test/fixtures/cli/mixed/'));
    expect(headings).toEqual([...new Set(jsonDiagnostics().map((d) => d.file))]);

    const typo = lines.indexOf('test/fixtures/cli/mixed/features/typo-key.mdx');
    expect(lines[typo + 1]).toMatch(/^ {2}8:1 +error +Unknown key "aprovers"\. +frontmatter$/);
    expect(lines[typo + 2]).toMatch(/^ +8 \| aprovers:$/);
    expect(lines[typo + 3]).toMatch(/^ +\| \^$/);
    expect(lines[typo + 4]).toMatch(/^ +fix: Did you mean "approvers"\?/);

    // The marker sits under the reported column of the source line.
    const flag = lines.indexOf('test/fixtures/cli/mixed/features/inbox-tabs.mdx');
    const source = lines[flag + 2]!;
    const marker = lines[flag + 3]!;
    expect(source.slice(marker.indexOf('^'))).toBe('inbox-layout');

    expect(lines.at(-2)).toBe('✖ 4 errors, 1 warning in 12 files');
    expect(lines.at(-1)).toBe('');
  });

  it('uses colour when FORCE_COLOR=1 and none when NO_COLOR is set too', () => {
    const forced = runValidate(MIXED, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}31m`);
    expect(forced.stdout.replaceAll(/\u001b\[\d+m/g, '')).toBe(runValidate(MIXED).stdout);
    const both = runValidate(MIXED, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.stdout).not.toContain(ESC);
  });

  it('ends a clean or warnings-only run with its summary line', () => {
    const clean = runValidate(['--content', 'test/fixtures/cli/clean', ...TODAY]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('✔ 0 errors, 0 warnings in 10 files\n');
    const warnings = runValidate(['--content', 'test/fixtures/cli/warnings', ...TODAY]);
    expect(warnings.status).toBe(0);
    expect(warnings.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 2 warnings in 10 files');
  });
});
