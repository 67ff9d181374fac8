import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  baseSnapshot,
  compareStages,
  firstDifference,
  ownersAtBase,
  parseBaseProcess,
  pullRequestSeverities,
  reviewersToRequest,
  type PullRequestBase,
} from '../../src/engine/base.ts';
import { loadContent } from '../../src/engine/load.ts';
import { fixtureContent } from '../helpers/repo.ts';

const content = loadContent(fixtureContent).content!;
const text = (id: string) => readFileSync(path.join(fixtureContent, 'features', `${id}.mdx`), 'utf8');

describe('baseSnapshot: the base side, parsed with the process it is given (check-pr gives the base\'s)', () => {
  test('keeps files that parse, keyed by id; says why the others could not be read; ignores bad names and other files', () => {
    const snapshot = baseSnapshot('origin/main', content.process, new Map([
      ['dark-mode.mdx', text('dark-mode')],
      ['broken-yaml.mdx', '---\ntitle: [unclosed\n---\n'],
      ['bad-schema.mdx', text('dark-mode').replace('stage: public', 'stage: launched')],
      ['no-frontmatter.mdx', 'Just text.\n'],
      ['Bad_Name.mdx', text('dark-mode')],
      ['notes.md', text('dark-mode')],
    ]));
    expect(snapshot.ref).toBe('origin/main');
    expect([...snapshot.features.keys()]).toEqual(['dark-mode']);
    expect([...snapshot.unreadable.keys()]).toEqual(['broken-yaml', 'bad-schema', 'no-frontmatter']);
    expect(snapshot.unreadable.get('broken-yaml')).toMatch(/^its frontmatter is not valid YAML \(.+\)$/);
    expect(snapshot.unreadable.get('bad-schema')).toMatch(/^it does not fit the base's process\.yaml \(stage: .+\)$/);
    expect(snapshot.unreadable.get('no-frontmatter')).toBe('it has no frontmatter');
    expect(snapshot.features.get('dark-mode')!.dates).toEqual({ development: '2026-07-01', internal: '2026-08-20', beta: '2026-09-10', public: '2026-11-10' });
  });
});

describe('reviewersToRequest', () => {
  const base = (entries: [string, string][]) => baseSnapshot('main', content.process, new Map(entries.map(([id, t]) => [`${id}.mdx`, t])));
  const everyFeatureAsIs = () => base(content.features.map((f) => [f.id, text(f.id)]));

  test('nothing entered, nobody requested', () => {
    expect(reviewersToRequest(content, everyFeatureAsIs())).toEqual([]);
  });

  test('a stage with a date at HEAD and none at the base is entered: its approvers, once each', () => {
    // At the base, dark-mode was still in Beta: the pull request enters Public.
    const inBeta = text('dark-mode').replace('stage: public', 'stage: beta').replace('  public: 2026-11-10\n', '');
    const snapshot = base(content.features.map((f) => [f.id, f.id === 'dark-mode' ? inBeta : text(f.id)]));
    expect(reviewersToRequest(content, snapshot)).toEqual([
      { person: 'gary-mcgrath', github: 'garymcgrath', stage: 'public' },
      { person: 'alicia-carney', github: 'aliciacarney', stage: 'public' },
    ]);
  });

  test('a feature with no base version enters every stage it has a date for', () => {
    const snapshot = base(content.features.filter((f) => f.id !== 'ticket-export').map((f) => [f.id, text(f.id)]));
    expect(reviewersToRequest(content, snapshot)).toEqual([
      { person: 'gary-mcgrath', github: 'garymcgrath', stage: 'internal' },
      { person: 'gary-mcgrath', github: 'garymcgrath', stage: 'beta' },
      { person: 'james-doman-pipe', github: null, stage: 'beta' },
    ]);
  });
});

describe('the base process', () => {
  const processText = readFileSync(path.join(fixtureContent, 'process.yaml'), 'utf8');

  test('parses, or says why not: missing, bad YAML, bad schema', () => {
    const parsed = parseBaseProcess(processText);
    expect(parsed.ok && parsed.process.owners).toEqual(['marco-rossi', 'james-doman-pipe']);
    expect(parseBaseProcess(undefined)).toEqual({ ok: false, missing: true, reason: 'the base has no process.yaml' });
    expect(parseBaseProcess('roles: [\n')).toMatchObject({ ok: false, missing: false, reason: expect.stringMatching(/^the base's process\.yaml is not valid YAML/) });
    expect(parseBaseProcess('roles: []\n')).toMatchObject({ ok: false, missing: false, reason: expect.stringMatching(/^the base's process\.yaml does not fit the schema \(/) });
  });

  test("severities: the base's settings for the four pull-request rules only; defaults without a base process", () => {
    const withRules = { ...content.process, rules: { 'history-rewrite': 'warning', 'soak-short': 'off', 'process-changed': 'off' } as const };
    expect(pullRequestSeverities(withRules)).toEqual({ 'history-rewrite': 'warning', 'process-changed': 'off' });
    expect(pullRequestSeverities(undefined)).toEqual({});
  });

  test("owners get their logins from the base's team.yaml, null when it has none or does not parse", () => {
    const team = readFileSync(path.join(fixtureContent, 'team.yaml'), 'utf8');
    const process = { ...content.process, owners: ['marco-rossi', 'james-doman-pipe', 'marco-rossi', 'nobody'] };
    expect(ownersAtBase(process, team)).toEqual([
      { person: 'marco-rossi', github: 'marcorossi' },
      { person: 'james-doman-pipe', github: null },
      { person: 'nobody', github: null },
    ]);
    expect(ownersAtBase(process, 'people: [\n')).toEqual([
      { person: 'marco-rossi', github: null },
      { person: 'james-doman-pipe', github: null },
      { person: 'nobody', github: null },
    ]);
  });
});

describe('compareStages: the base order wins', () => {
  const baseOf = (process: typeof content.process): PullRequestBase => ({
    ref: 'main',
    features: new Map(),
    process,
    unreadable: new Map(),
    removed: [],
    incomparable: [],
    processChanges: [],
    owners: [],
  });

  test('a pull request that swaps internal and beta cannot make beta -> internal look forward', () => {
    // Both stages are known to the base, so only the base's order is read, whatever the content's.
    const base = baseOf(content.process);
    expect(compareStages(content, base, 'internal', 'beta')).toBeLessThan(0);
    const swapped = { ...content.process, stages: [content.process.stages[0]!, content.process.stages[2]!, content.process.stages[1]!, content.process.stages[3]!] };
    // Judged by a base that had them swapped, the same move is forward.
    expect(compareStages(content, baseOf(swapped), 'internal', 'beta')).toBeGreaterThan(0);
  });

  test('a stage the base does not know is compared in the pull request\'s order; unknown to both: no order', () => {
    const renamed = { ...content.process, stages: content.process.stages.map((s) => (s.id === 'beta' ? { ...s, id: 'preview' } : s)) };
    const base = baseOf(renamed);
    // "beta" is unknown to this base but known to the content: the content's order.
    expect(compareStages(content, base, 'internal', 'beta')).toBeLessThan(0);
    expect(compareStages(content, base, 'preview', 'launched')).toBeUndefined();
  });

  test('a plain BaseSnapshot (rule tests) uses the content order', () => {
    expect(compareStages(content, { ref: 'main', features: new Map() }, 'public', 'beta')).toBeGreaterThan(0);
  });
});

describe('firstDifference', () => {
  test('the offset of the first changed line in the new text; undefined when equal, also across CRLF', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nb\nc\n')).toBeUndefined();
    expect(firstDifference('a\nb\nc\n', 'a\r\nb\r\nc\r\n')).toBeUndefined();
    expect(firstDifference('a\nb\nc\n', 'a\nB\nc\n')).toBe(2);
    expect(firstDifference('a\nb\n', 'a\nb\nc\n')).toBe(4);
    // Lines removed at the end: the last line that is left.
    expect(firstDifference('a\nb\nc\n', 'a\nb\n')).toBe(2);
    expect(firstDifference('a\n', '')).toBe(0);
  });
});
