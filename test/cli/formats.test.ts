import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/finding.ts';
import { formatGithub } from '../../src/engine/reporters/github.ts';
import { formatJson } from '../../src/engine/reporters/json.ts';
import { formatText } from '../../src/engine/reporters/text.ts';
import { runValidate, TODAY } from './run.ts';

const MIXED = ['--content', 'test/fixtures/cli/mixed', ...TODAY];
const ESC = '\u001b[';

async function jsonDiagnostics() {
  const run = await runValidate([...MIXED, '--format', 'json']);
  return (JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] }).diagnostics;
}

describe('validate --format github', () => {
  it('prints one workflow command per diagnostic, at the same places as the JSON report', async () => {
    const run = await runValidate([...MIXED, '--format', 'github']);
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
    const expected = await jsonDiagnostics();
    expect(parsed.map(({ severity, file, line, column, rule }) => ({ severity, file, line, column, rule }))).toEqual(
      expected.map(({ severity, file, line, column, rule }) => ({ severity, file, line, column, rule })),
    );
    // The message and its fix travel in one annotation: the newline is escaped, never printed.
    for (const [index, entry] of parsed.entries()) {
      expect(entry.text.startsWith(expected[index]!.message)).toBe(true);
      expect(entry.text).toContain('%0AFix: ');
    }
  });

  it('prints nothing for a clean root', async () => {
    const run = await runValidate(['--content', 'test/fixtures/cli/clean', ...TODAY, '--format', 'github']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});

describe('validate --format text', () => {
  it('groups by file, shows the source line with a marker under the column, the fix, and a summary; no colour when not a terminal', async () => {
    const run = await runValidate(MIXED);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(ESC);
    const lines = run.stdout.split('\n');
    // Each file's name appears once, as a heading, before its diagnostics.
    const headings = lines.filter((line) => line.startsWith('test/fixtures/cli/mixed/'));
    expect(headings).toEqual([...new Set((await jsonDiagnostics()).map((d) => d.file))]);

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

  it('uses colour when FORCE_COLOR=1 and none when NO_COLOR is set too', async () => {
    const forced = await runValidate(MIXED, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}31m`);
    expect(forced.stdout.replaceAll(/\u001b\[\d+m/g, '')).toBe((await runValidate(MIXED)).stdout);
    const both = await runValidate(MIXED, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.stdout).not.toContain(ESC);
  });

  it('ends a clean or warnings-only run with its summary line', async () => {
    const clean = await runValidate(['--content', 'test/fixtures/cli/clean', ...TODAY]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('✔ 0 errors, 0 warnings in 10 files\n');
    const warnings = await runValidate(['--content', 'test/fixtures/cli/warnings', ...TODAY]);
    expect(warnings.status).toBe(0);
    expect(warnings.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 2 warnings in 10 files');
  });
});

describe('content text cannot forge output lines', () => {
  // A checklist key holding "\n::warning file=x::pwned", an escape sequence, CR and U+2028.
  const HOSTILE = ['--content', 'test/fixtures/rules/hostile-values', ...TODAY, 'test/fixtures/rules/hostile-values/features/checklist-fail-control-key.mdx'];

  for (const format of ['text', 'github'] as const) {
    it(`--format ${format}: no line starts with "::" but the reporter's own, and no raw control character is printed`, async () => {
      const run = await runValidate([...HOSTILE, '--format', format]);
      expect(run.status).toBe(1);
      const lines = run.stdout.split('\n');
      expect(lines.some((line) => line.startsWith('::warning file=x'))).toBe(false);
      if (format === 'text') expect(lines.filter((line) => line.startsWith('::'))).toEqual([]);
      else for (const line of lines.filter(Boolean)) expect(line).toMatch(/^::error file=test\/fixtures\/rules\/hostile-values\/features\/checklist-fail-control-key\.mdx,line=\d+,col=3,title=checklist-unknown::/);
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      // The key is still shown, with its line feed made visible.
      expect(run.stdout).toContain('hallway-tests\\n::warning file=x::pwned');
      expect(run.stdout).toContain('design\\u001b[31m-review\\r\\u2028');
    });
  }

  it('--format json keeps the exact key in the value, and no raw line separator in the text', async () => {
    const run = await runValidate([...HOSTILE, '--format', 'json']);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    const messages = (JSON.parse(run.stdout) as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      '"hallway-tests\n::warning file=x::pwned" is not a checklist item in process.yaml.',
      '"design\u001b[31m-review\r\u2028" is not a checklist item in process.yaml.',
    ]);
  });
});

describe('reporters escape every control character', () => {
  const diagnostic = (message: string): Diagnostic => ({ file: 'f.mdx', line: 1, column: 1, severity: 'error', rule: 'r', message, hint: 'h\u0085i', path: '/f.mdx' });
  const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u009b\u2028\u2029\u202e\u2066';

  it('text, github and json output hold none of them raw', async () => {
    const summary = { files: 1, errors: 1, warnings: 0 };
    const text = formatText(summary, [diagnostic(`k${all}k`)], { color: false });
    const github = formatGithub([diagnostic(`k${all}k`)]);
    const json = formatJson(summary, [diagnostic(`k${all}k`)]);
    for (const out of [text, github]) expect(out.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(github.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text.split('\n').filter((line) => line.includes('k\\u0000'))).toHaveLength(1);
    expect(json).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(json) as { diagnostics: { message: string; hint: string }[] }).diagnostics[0]).toMatchObject({ message: `k${all}k`, hint: 'h\u0085i' });
  });
});
