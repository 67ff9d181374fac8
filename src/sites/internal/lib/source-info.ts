import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a content file can be edited and when it last changed, for the
 * "Edit page" and "Last updated" lines. Dates come from one `git log` over
 * the content folder (not one per file: the site has thousands of feature
 * pages in the benchmark).
 *
 * Shallow clones (CI checkouts with `fetch-depth: 1`) cut history at a
 * boundary commit that git treats as adding every file, so a date found on
 * a boundary commit is unknown, not the file's date; a date found on any
 * other commit is right, because that commit's parent is present.
 */
export interface SourceInfo {
  /** Absent when the file is outside the repository. */
  editUrl: string | undefined;
  lastUpdated: Date | undefined;
  /** Why the date is not shown, when there is a reason worth saying. */
  lastUpdatedUnknown: 'shallow-clone' | undefined;
}

interface History {
  top: string;
  newest: Map<string, { commit: string; date: Date }>;
  boundaries: Set<string>;
}

const histories = new Map<string, History | null>();

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

function readHistory(dir: string): History | null {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return null;
  const shallowFile = git(dir, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])?.trim();
  const boundaries = new Set(
    shallowFile && existsSync(shallowFile) ? readFileSync(shallowFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [],
  );
  const log = git(top, ['-c', 'core.quotePath=false', 'log', '--format=%x01%H %cI', '--name-only', '--', path.relative(top, dir) || '.']) ?? '';
  const newest = new Map<string, { commit: string; date: Date }>();
  let current: { commit: string; date: Date } | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\x01')) {
      const [commit, date] = line.slice(1).split(' ') as [string, string];
      current = { commit, date: new Date(date) };
    } else if (line && current) {
      const absolute = path.join(top, line);
      if (!newest.has(absolute)) newest.set(absolute, current);
    }
  }
  return { top, newest, boundaries };
}

function historyFor(dir: string): History | null {
  // `npm run dev` commits happen under a running server: re-read there.
  if (process.env.SHIPLOG_DEV) return readHistory(dir);
  if (!histories.has(dir)) histories.set(dir, readHistory(dir));
  return histories.get(dir)!;
}

/** The repository the content is edited in: its checkout and the URL it is browsed at. */
export interface Repository {
  root: string;
  url: string;
}

/** `contentRoot` is the folder whose history is read once; `file` an absolute path inside it. */
export function sourceInfo(contentRoot: string, file: string, repository: Repository): SourceInfo {
  const { root: repoRoot, url: repoUrl } = repository;
  const history = historyFor(contentRoot);
  const relative = path.relative(repoRoot, file).split(path.sep).join('/');
  // A file in another checkout (a --content root elsewhere) is not editable at this repository's URL.
  const inThisRepo = !relative.startsWith('..') && !path.isAbsolute(relative) && (!history || samePath(history.top, repoRoot));
  const editUrl = inThisRepo ? `${repoUrl}/edit/main/${relative}` : undefined;
  const found = history?.newest.get(file);
  if (!found) return { editUrl, lastUpdated: undefined, lastUpdatedUnknown: undefined };
  if (history!.boundaries.has(found.commit)) return { editUrl, lastUpdated: undefined, lastUpdatedUnknown: 'shallow-clone' };
  return { editUrl, lastUpdated: found.date, lastUpdatedUnknown: undefined };
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
