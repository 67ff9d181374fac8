import { describe, expect, it } from 'vitest';
import { runValidate, TODAY } from './run.ts';

const MIXED = 'test/fixtures/cli/mixed';

async function report(args: string[]) {
  const run = await runValidate(['--content', MIXED, '--format', 'json', ...args]);
  return { status: run.status, ...(JSON.parse(run.stdout) as { summary: { files: number; errors: number; warnings: number }; diagnostics: { file: string; rule: string; message: string }[] }) };
}

describe('validate FILE...', () => {
  it('reports only the named files, while flag-duplicate still sees the whole root', async () => {
    const result = await report([...TODAY, `${MIXED}/features/inbox-tabs.mdx`]);
    expect(result.status).toBe(1);
    expect(result.summary).toEqual({ files: 1, errors: 1, warnings: 0 });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: `${MIXED}/features/inbox-tabs.mdx`, rule: 'flag-duplicate', message: expect.stringContaining('sidebar-layout') }),
    ]);
  });

  it('exits 0 when the named files are clean, though other files have errors', async () => {
    const result = await report([...TODAY, `${MIXED}/handbook/team.mdx`, `${MIXED}/features/old-prototype.mdx`]);
    expect(result.status).toBe(0);
    expect(result.summary).toEqual({ files: 2, errors: 0, warnings: 1 });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['stale-stage']);
  });
});

describe('validate --today', () => {
  it('is the date the date rules judge by', async () => {
    const before = await report(['--today', '2026-11-21']);
    expect(before.diagnostics.filter((d) => d.rule === 'date-in-future').map((d) => d.file)).toEqual([`${MIXED}/features/next-week.mdx`]);
    const after = await report(['--today', '2026-11-25']);
    expect(after.diagnostics.filter((d) => d.rule === 'date-in-future')).toEqual([]);
    expect(after.summary.errors).toBe(before.summary.errors - 1);
    // The stale-stage count of days moves with it.
    expect(after.diagnostics.find((d) => d.rule === 'stale-stage')!.message).toContain('205 days');
    expect(before.diagnostics.find((d) => d.rule === 'stale-stage')!.message).toContain('201 days');
  });
});

describe('validate exit code 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing content root', ['--content', 'test/fixtures/cli/no-such-root'], /content root not found: test\/fixtures\/cli\/no-such-root/],
    ['a bad --format', ['--content', MIXED, '--format', 'xml'], /--format must be text, json or github, not "xml"/],
    ['an impossible --today', ['--content', MIXED, '--today', '2026-02-30'], /--today must be a real date written YYYY-MM-DD, not "2026-02-30"/],
    ['a malformed --today', ['--content', MIXED, '--today', '21/11/2026'], /--today must be a real date/],
    ['an unknown option', ['--content', MIXED, '--bogus'], /--bogus/],
    ['a missing option value', ['--content'], /--content/],
    ['a FILE that does not exist', ['--content', MIXED, ...TODAY, `${MIXED}/features/nope.mdx`], /no such file: test\/fixtures\/cli\/mixed\/features\/nope\.mdx/],
    ['a FILE that is a folder', ['--content', MIXED, ...TODAY, `${MIXED}/features`], /not a file: test\/fixtures\/cli\/mixed\/features/],
    ['a FILE outside the content root', ['--content', MIXED, ...TODAY, 'README.md'], /README\.md is not inside the content root/],
  ];
  for (const [name, args, reason] of cases) {
    it(`for ${name}: one line on stderr, no stack trace, nothing on stdout`, async () => {
      const run = await runValidate(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.endsWith('\n')).toBe(true);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
    });
  }

  it('but --help prints the usage and exits 0', async () => {
    const run = await runValidate(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run validate/);
  });
});
