import { describe, expect, test } from 'vitest';
import type { PullRequestBase } from '../../src/engine/base.ts';
import { loadContent } from '../../src/engine/load.ts';
import processChanged from '../../src/engine/rules/process-changed.ts';
import { validateLoaded } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixtureContent } from '../helpers/repo.ts';

/**
 * `process-changed` on its own, with the base side built by hand (check-pr
 * builds it from git; test/pr/judge.test.ts runs it that way).
 */

const load = loadContent(fixtureContent);
const content = load.content!;

function baseWith(changes: PullRequestBase['processChanges'], extra: Partial<PullRequestBase> = {}): PullRequestBase {
  return {
    ref: 'main',
    features: new Map(content.features.map((f) => [f.id, f.data])),
    process: content.process,
    unreadable: new Map(),
    incomparable: [],
    removed: [],
    processChanges: changes,
    owners: [
      { person: 'marco-rossi', github: 'marcorossi' },
      { person: 'james-doman-pipe', github: null },
    ],
    ...extra,
  };
}

const run = (base: PullRequestBase | undefined) => validateLoaded(load, { today: FIXTURE_TODAY, base, rules: [processChanged] }).diagnostics;

describe('process-changed', () => {
  test('is a warning by default', () => {
    expect(processChanged.defaultSeverity).toBe('warning');
  });

  test('passes when the pull request changes no process file, and outside check-pr', () => {
    expect(run(baseWith([]))).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });

  test('reports a changed team.yaml on its first changed line, naming the base owners', () => {
    const text = content.teamFile.source.text;
    const offset = text.indexOf('  - id: james-doman-pipe');
    expect(offset).toBeGreaterThan(0);
    const diagnostics = run(baseWith([{ file: content.teamFile, name: 'team.yaml', kind: 'changed', offset }]));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        rule: 'process-changed',
        severity: 'warning',
        line: 17,
        column: 1,
        message: 'This pull request changes team.yaml, which decides how every feature is judged; the process owners on main must review it: @marcorossi, james-doman-pipe.',
        hint: 'Request a review from @marcorossi, james-doman-pipe; the pull-request rules still judge this pull request by process.yaml as it is on main.',
      }),
    ]);
    expect(diagnostics[0]!.file).toMatch(/test\/fixtures\/pr\/content\/team\.yaml$/);
  });

  test('says when the base names no owners', () => {
    const [diagnostic] = run(baseWith([{ file: content.processFile, name: 'process.yaml', kind: 'changed', offset: 0 }], { owners: [] }));
    expect(diagnostic!.message).toBe(
      'This pull request changes process.yaml, which decides how every feature is judged; process.yaml on main names no owners, so nobody is requested: ask a maintainer to review it.',
    );
  });
});
