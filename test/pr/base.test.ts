import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseSnapshot, reviewersToRequest } from '../../src/process/base.ts';
import { loadContent } from '../../src/process/load.ts';
import { fixtureContent } from './helpers.ts';

const content = loadContent(fixtureContent).content!;
const text = (id: string) => readFileSync(path.join(fixtureContent, 'features', `${id}.mdx`), 'utf8');

describe('baseSnapshot: the base side, parsed with the current process', () => {
  test('keeps files that parse, keyed by id; skips broken ones, bad names and other files', () => {
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
