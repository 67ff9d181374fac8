import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/validate.ts';
import { positionOf } from './positions.ts';
import { runValidate, TODAY } from './run.ts';

const MIXED = 'test/fixtures/cli/mixed';

/** The contract's diagnostic keys, in cli.md's order. */
const DIAGNOSTIC_KEYS = ['file', 'line', 'column', 'severity', 'rule', 'message', 'hint'];

function parseOnlyJson(stdout: string) {
  // JSON.parse rejects anything but whitespace around the one document.
  const document = JSON.parse(stdout);
  expect(stdout.trimStart().startsWith('{')).toBe(true);
  return document as { summary: Record<string, number>; diagnostics: Record<string, unknown>[] };
}

describe('validate --format json', () => {
  it('prints one document in the contract shape and nothing else, exit 1 on errors', async () => {
    const run = await runValidate(['--content', MIXED, '--format', 'json', ...TODAY]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const document = parseOnlyJson(run.stdout);
    expect(Object.keys(document)).toEqual(['summary', 'diagnostics']);
    expect(document.summary).toEqual({ files: 12, errors: 4, warnings: 1 });
    for (const d of document.diagnostics) {
      expect(Object.keys(d)).toEqual(DIAGNOSTIC_KEYS);
      expect(d).toMatchObject({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), message: expect.any(String), hint: expect.any(String) });
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(['error', 'warning']).toContain(d.severity);
      expect(String(d.hint).length).toBeGreaterThan(0);
    }
    const at = (file: string, needle: string) => ({ file: `${MIXED}/${file}`, ...positionOf(`${MIXED}/${file}`, needle) });
    expect(document.diagnostics.map(({ file, line, column, severity, rule }) => ({ file, line, column, severity, rule }))).toEqual([
      { ...at('features/inbox-tabs.mdx', 'inbox-layout'), severity: 'error', rule: 'flag-duplicate' },
      { ...at('features/next-week.mdx', '2026-11-25'), severity: 'error', rule: 'date-in-future' },
      { ...at('features/old-prototype.mdx', 'development\n'), severity: 'warning', rule: 'stale-stage' },
      { ...at('features/sidebar-layout.mdx', 'inbox-layout'), severity: 'error', rule: 'flag-duplicate' },
      { ...at('features/typo-key.mdx', 'aprovers:'), severity: 'error', rule: 'frontmatter' },
    ]);
    const typo = document.diagnostics.find((d) => d.rule === 'frontmatter')!;
    expect(typo.message).toContain('"aprovers"');
    expect(typo.hint).toContain('Did you mean "approvers"?');
  });

  it('prints an empty diagnostics list for a clean root, exit 0', async () => {
    const run = await runValidate(['--content', 'test/fixtures/cli/clean', '--format', 'json', ...TODAY]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseOnlyJson(run.stdout)).toEqual({ summary: { files: 10, errors: 0, warnings: 0 }, diagnostics: [] });
  });

  it('exits 0 when there are only warnings', async () => {
    const run = await runValidate(['--content', 'test/fixtures/cli/warnings', '--format', 'json', ...TODAY]);
    expect(run.status).toBe(0);
    const document = parseOnlyJson(run.stdout);
    expect(document.summary).toEqual({ files: 10, errors: 0, warnings: 2 });
    expect(document.diagnostics.map((d) => d.rule)).toEqual(['open-low-bugs', 'stale-stage']);
    expect(document.diagnostics[0]).toMatchObject(positionOf('test/fixtures/cli/warnings/features/dark-mode.mdx', 'url: https://github.com/acme/helpdesk/issues/151'));
  });

  it('names files relative to the working directory, with / separators', async () => {
    const cwd = path.join(repoRoot, 'test/fixtures/cli');
    const run = await runValidate(['--content', 'mixed', '--format', 'json', ...TODAY], { cwd });
    expect(run.status).toBe(1);
    const files = parseOnlyJson(run.stdout).diagnostics.map((d) => d.file);
    expect(files).toContain('mixed/features/typo-key.mdx');
    for (const file of files) expect(file).toMatch(/^mixed\/features\/[a-z-]+\.mdx$/);
  });
});
