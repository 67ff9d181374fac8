import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceInfo } from '../../src/sites/internal/lib/source-info.ts';
import { repoRoot } from '../helpers/validate.ts';

/**
 * "Last updated" comes from git. On a shallow clone the oldest commit is a
 * boundary that git treats as adding every file, so a date found there is
 * not the file's: it must be reported unknown, while files changed inside
 * the fetched history keep their real date.
 */
let tmp: string;
/** This checkout, as the shiplog() integration's settings name it by default. */
const repository = { root: repoRoot, url: 'https://github.com/acme/shiplog' };
const git = (cwd: string, args: string[], date?: string) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-source-info-'));
  const origin = path.join(tmp, 'origin');
  mkdirSync(path.join(origin, 'content/features'), { recursive: true });
  git(origin, ['init', '-q', '-b', 'main']);
  const commit = (file: string, text: string, date: string) => {
    writeFileSync(path.join(origin, file), text);
    git(origin, ['add', file]);
    git(origin, ['commit', '-q', '-m', `edit ${file}`], date);
  };
  commit('content/features/old.mdx', 'old\n', '2026-01-05T10:00:00Z');
  commit('content/features/middle.mdx', 'middle\n', '2026-03-10T10:00:00Z');
  commit('content/features/new.mdx', 'new\n', '2026-06-20T10:00:00Z');
  // Depth 2 fetches the last two commits: "new" is inside the history, "middle" is the boundary.
  git(tmp, ['clone', '-q', '--depth', '2', `file://${origin}`, 'shallow']);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sourceInfo', () => {
  it('gives each file the date of the last commit that changed it in a full clone', () => {
    const content = path.join(tmp, 'origin/content');
    expect(sourceInfo(content, path.join(content, 'features/old.mdx'), repository).lastUpdated?.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(sourceInfo(content, path.join(content, 'features/new.mdx'), repository).lastUpdated?.toISOString()).toBe('2026-06-20T10:00:00.000Z');
  });

  it('keeps dates found inside a shallow history and says "unknown" for files last seen at its boundary', () => {
    const content = path.join(tmp, 'shallow/content');
    const fresh = sourceInfo(content, path.join(content, 'features/new.mdx'), repository);
    expect(fresh.lastUpdated?.toISOString()).toBe('2026-06-20T10:00:00.000Z');
    expect(fresh.lastUpdatedUnknown).toBeUndefined();
    for (const file of ['middle.mdx', 'old.mdx']) {
      const info = sourceInfo(content, path.join(content, 'features', file), repository);
      expect(info.lastUpdated, file).toBeUndefined();
      expect(info.lastUpdatedUnknown, file).toBe('shallow-clone');
    }
  });

  it('has no date and no edit link for a file outside any repository or outside this one', () => {
    const loose = path.join(tmp, 'loose');
    mkdirSync(loose);
    writeFileSync(path.join(loose, 'x.mdx'), 'x\n');
    expect(sourceInfo(loose, path.join(loose, 'x.mdx'), repository)).toEqual({ editUrl: undefined, lastUpdated: undefined, lastUpdatedUnknown: undefined });
    const other = path.join(tmp, 'origin/content');
    expect(sourceInfo(other, path.join(other, 'features/old.mdx'), repository).editUrl).toBeUndefined();
  });
});
