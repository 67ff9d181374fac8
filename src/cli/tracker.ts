import path from 'node:path';
import { UsageError } from '../engine/load.ts';
import type { Content, FeatureEntry } from '../engine/model.ts';
import { featureLabel, issueKey, type TrackerSnapshot } from '../engine/tracker-state.ts';
import { envOf, type CommandIo } from './io.ts';
import type { GithubOptions } from './tracker-github.ts';

/**
 * What `--online` and `bugs sync` ask the tracker, and how: the features'
 * labels and listed issues from the content, the address and token from the
 * environment (GITHUB_API_URL, GITHUB_TOKEN, as GitHub Actions sets them).
 */

export const DEFAULT_API_URL = 'https://api.github.com';

/**
 * Where the ETag cache lives: `.shiplog-cache/` in Shiplog's own folder
 * (git-ignored), or SHIPLOG_CACHE_DIR. Never the working directory: the
 * pull-request gate runs in the pull request's checkout, and a cache file
 * committed there could feed the gate a forged "closed".
 */
const TOOL_ROOT = path.resolve(import.meta.dirname, '../..');

/** Test seam: shorter retry backoff, so a test of "GitHub never answers" does not wait 14 seconds. */
export interface TrackerHooks {
  github?: Partial<Pick<GithubOptions, 'retryBaseMs' | 'maxWaitSeconds' | 'timeoutMs'>>;
}

/** The GitHub connection the environment describes; a UsageError for a GITHUB_API_URL that is not an http(s) address. */
export function githubOptions(io: CommandIo, hooks: TrackerHooks = {}): GithubOptions {
  const env = envOf(io);
  const apiUrl = env.GITHUB_API_URL?.trim() || DEFAULT_API_URL;
  let parsed: URL | undefined;
  try {
    parsed = new URL(apiUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
    // Not echoed in full: a mistyped variable could hold a secret.
    throw new UsageError('GITHUB_API_URL must be an http(s) address without credentials, such as https://api.github.com');
  }
  const token = env.GITHUB_TOKEN?.trim() || undefined;
  const cacheDir = env.SHIPLOG_CACHE_DIR?.trim() ? path.resolve(io.cwd, env.SHIPLOG_CACHE_DIR.trim()) : path.join(TOOL_ROOT, '.shiplog-cache');
  return { apiUrl, token, cacheFile: path.join(cacheDir, 'github-issues.json'), ...hooks.github };
}

/**
 * The tracker's state for `features` (default: every valid feature): the
 * issues labelled for each, and every issue their pages list by URL. A
 * UsageError when process.yaml declares no tracker; TrackerUnavailable
 * (exit 2) when GitHub cannot answer.
 */
export async function fetchTrackerState(io: CommandIo, content: Content, features: readonly FeatureEntry[] = content.features, hooks: TrackerHooks = {}): Promise<TrackerSnapshot> {
  const tracker = content.process.tracker;
  if (!tracker) {
    throw new UsageError('--online: process.yaml declares no tracker, so there is no live bug state to read (add "tracker:" with github, featureLabel and priority, or leave out --online)');
  }
  const options = githubOptions(io, hooks);
  const labels = new Map(features.map((feature) => [feature.id, featureLabel(tracker, feature.id)]));
  const issueNumbers = features.flatMap((feature) =>
    feature.data.bugs.flatMap((bug) => {
      const key = issueKey(bug.url, tracker.github);
      return key === undefined ? [] : [Number(key.slice(key.lastIndexOf('#') + 1))];
    }),
  );
  // Octokit is loaded only when GitHub is asked: `validate` without --online never needs it (about 30 modules).
  const { readTracker } = await import('./tracker-github.ts');
  return readTracker({ repository: tracker.github, labels, issueNumbers }, options);
}
