import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, validateFixture } from '../helpers/validate.ts';

/**
 * Keeps the fixtures honest as a set: a file named "-pass" has no diagnostic
 * of any rule, a file named "-fail" has at least one, and nothing else in a
 * root has any, except the files listed here on purpose.
 */

const rulesFixtures = path.join(fixturesDir, 'rules');
const expectedElsewhere: Record<string, string[]> = {
  people: ['team.yaml'],
  handbook: ['process.yaml', 'handbook/stages/beta.mdx', 'handbook/stages/beta-again.mdx'],
  'frontmatter-process': ['process.yaml'],
  'frontmatter-rules': ['process.yaml'],
  'frontmatter-team': ['team.yaml'],
  // Their names are the collisions, so they cannot be named "-fail".
  'route-collision': [
    'features/table.mdx',
    'features/category.mdx',
    'features/releases.mdx',
    'handbook/features.mdx',
    'handbook/people/gary.mdx',
    'handbook/changelog-preview.mdx',
    'handbook/guide.mdx',
    'handbook/guide/index.mdx',
  ],
  severities: [
    'features/soak-short-error.mdx',
    'features/owner-role-warning.mdx',
    'features/target-passed-default.mdx',
  ],
};

function filesOf(root: string, folder = ''): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesOf(root, relative) : [relative];
  });
}

const roots = readdirSync(rulesFixtures).filter((name) => name !== 'pull-request');

describe.each(roots)('fixture root rules/%s', (name) => {
  const result = validateFixture(`rules/${name}`);
  const files = filesOf(path.join(rulesFixtures, name));
  const flagged = new Set(result.diagnostics.map((d) => d.file.replace(`test/fixtures/rules/${name}/`, '')));

  it('has no diagnostic on a -pass file', () => {
    expect(files.filter((f) => /-pass[-.]/.test(f) && flagged.has(f))).toEqual([]);
  });

  it('has at least one diagnostic on every -fail file', () => {
    expect(files.filter((f) => /-fail[-.]/.test(f) && !flagged.has(f))).toEqual([]);
  });

  it('has diagnostics only on -fail files and the ones it lists', () => {
    expect([...flagged].filter((f) => !/-fail[-.]/.test(f)).sort()).toEqual([...(expectedElsewhere[name] ?? [])].sort());
  });
});
