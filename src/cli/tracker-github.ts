import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { UsageError } from '../engine/load.ts';
import { trackerTitle, type TrackedIssue, type TrackerSnapshot } from '../engine/tracker-state.ts';

/**
 * Reading a GitHub repository's issues for `--online` and `bugs sync`: the
 * only module that talks to the network. It asks GitHub's REST API through
 * Octokit with its retry plugin (5xx and network errors, with backoff) and
 * its throttling plugin (primary and secondary rate limits: it waits for
 * `x-ratelimit-reset` or `retry-after`), one paginated listing per feature
 * label (`GET /repos/{owner}/{repo}/issues?labels=...&state=all`) and one
 * request per listed issue the listings did not return.
 *
 * Every response is kept with its ETag in a small cache file, and asked for
 * again with `If-None-Match`: an unchanged answer is a 304, which GitHub
 * does not count against the rate limit. The cache holds addresses, ETags and
 * the few issue fields used, never a header that was sent: the token is never
 * written, printed or logged (Octokit's own logger is silenced).
 *
 * It fails closed: when GitHub cannot answer after the retries, it throws
 * TrackerUnavailable (exit 2, one line) rather than return a partial state.
 */

/** GitHub could not answer: the command stops (exit 2) with this one-line reason. */
export class TrackerUnavailable extends UsageError {}

export interface GithubOptions {
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise server's https://HOST/api/v3. */
  apiUrl: string;
  /** GITHUB_TOKEN; without one GitHub answers for public repositories only, with a low rate limit. */
  token?: string | undefined;
  /** The ETag cache file; none when undefined. */
  cacheFile?: string | undefined;
  /** Milliseconds per unit of the retry plugin's backoff (1, 4, 9 units): 1000 unless a test shortens it. */
  retryBaseMs?: number | undefined;
  /** The longest rate-limit wait, in seconds, before giving up. */
  maxWaitSeconds?: number | undefined;
  /** Per request. */
  timeoutMs?: number | undefined;
}

export interface TrackerQuery {
  /** owner/repo */
  repository: string;
  /** Feature id -> the label that marks its bugs. */
  labels: ReadonlyMap<string, string>;
  /** Numbers of issues that pages list by URL; those no label listing returned are read one by one. */
  issueNumbers: Iterable<number>;
}

const API_VERSION = '2022-11-28';
const PER_PAGE = 100;
/** A label with more than this many pages of issues (10,000) is not a feature's bug list; stop rather than loop. */
const MAX_PAGES = 100;
const CONCURRENCY = 8;
const CACHE_VERSION = 1;
const CACHE_MAX_ENTRIES = 5000;
const CACHE_MAX_BYTES = 32 * 1024 * 1024;

/** The fields of an issue that Shiplog uses; what the cache keeps. */
interface SlimIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  labels: string[];
  html_url: string;
  pull_request: boolean;
}

interface CacheEntry {
  etag: string;
  data: SlimIssue | SlimIssue[];
  next?: string | undefined;
  used: number;
}

/** Reads the issues of the features' labels and the listed issues: the tracker's state now. */
export async function readTracker(query: TrackerQuery, options: GithubOptions): Promise<TrackerSnapshot> {
  const [owner, repo] = query.repository.split('/') as [string, string];
  const repoKey = query.repository.toLowerCase();
  const keyOf = (number: number) => `${repoKey}#${number}`;
  const cache = new ResponseCache(options.cacheFile);
  const client = new GithubClient(options, cache, query.repository);

  const issues = new Map<string, TrackedIssue | null>();
  const labelled = new Map<string, string[]>();
  const record = (issue: SlimIssue): string => {
    const key = keyOf(issue.number);
    issues.set(key, { url: issue.html_url, number: issue.number, title: trackerTitle(issue.title), state: issue.state, labels: issue.labels });
    return key;
  };

  try {
    for (const label of query.labels.values()) {
      // GitHub's `labels` parameter is a comma-separated list meaning "all of these".
      if (label.includes(',')) throw new UsageError(`the feature label "${label}" contains a comma, which GitHub's issue search cannot ask for; change tracker.featureLabel or the feature id`);
    }
    await eachLimited([...query.labels], CONCURRENCY, async ([featureId, label]) => {
      const found = await client.listLabelled(owner, repo, label);
      labelled.set(featureId, found.filter((issue) => !issue.pull_request).map(record));
    });
    const wanted = [...new Set(query.issueNumbers)].filter((number) => !issues.has(keyOf(number)));
    await eachLimited(wanted, CONCURRENCY, async (number) => {
      const issue = await client.getIssue(owner, repo, number);
      if (issue) record(issue);
      else issues.set(keyOf(number), null);
    });
  } finally {
    // What was read stays useful to the next run even when this one failed.
    cache.save();
  }
  return { repository: query.repository, fetchedAt: new Date().toISOString(), issues, labelled };
}

class GithubClient {
  private readonly octokit: Octokit;
  private readonly origin: string;
  private readonly options: GithubOptions;
  private readonly cache: ResponseCache;
  private readonly repository: string;

  constructor(options: GithubOptions, cache: ResponseCache, repository: string) {
    this.options = options;
    this.cache = cache;
    this.repository = repository;
    const maxWait = options.maxWaitSeconds ?? 300;
    const timeoutMs = options.timeoutMs ?? 30_000;
    // Retry a rate limit while the wait is bearable; a CI job should not sleep for an hour.
    const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 3 && retryAfter <= maxWait;
    const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const GitHub = Octokit.plugin(retry, throttling);
    this.octokit = new GitHub({
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      ...(options.token ? { auth: options.token } : {}),
      userAgent: 'shiplog',
      log: silent,
      request: {
        // Each attempt gets its own deadline, so a server that never answers is retried, then reported.
        fetch: (url: string, init: RequestInit) =>
          fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) }),
      },
      retry: { retries: 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      throttle: { onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
    }) as Octokit;
    this.origin = new URL(options.apiUrl).origin;
  }

  /** Every issue (and pull request) carrying `label`, open or closed, following the Link header's next pages. */
  async listLabelled(owner: string, repo: string, label: string): Promise<SlimIssue[]> {
    const first = this.octokit.request.endpoint('GET /repos/{owner}/{repo}/issues', { owner, repo, labels: label, state: 'all', per_page: PER_PAGE }).url;
    const all: SlimIssue[] = [];
    const seen = new Set<string>();
    let url: string | undefined = first;
    while (url !== undefined) {
      if (seen.has(url) || seen.size >= MAX_PAGES) throw new TrackerUnavailable(`--online: GitHub's pages of issues labelled "${label}" in ${this.repository} do not end (stopped after ${seen.size} pages)`);
      seen.add(url);
      const page = await this.get(url, `the issues labelled "${label}"`, 'list');
      if (page === undefined) throw this.unavailable(`GitHub has no repository ${this.repository}, or the token cannot read it (404)`);
      all.push(...(page.data as SlimIssue[]));
      url = page.next;
    }
    return all;
  }

  /** One issue; undefined when GitHub says it does not exist (404, or 410 for a deleted one). */
  async getIssue(owner: string, repo: string, number: number): Promise<SlimIssue | undefined> {
    const url = this.octokit.request.endpoint('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: number }).url;
    const response = await this.get(url, `issue #${number}`, 'issue');
    return response?.data as SlimIssue | undefined;
  }

  /** A conditional GET through the cache: a 304 answers from it. Undefined for a 404 or 410. */
  private async get(url: string, what: string, shape: 'list' | 'issue'): Promise<{ data: SlimIssue | SlimIssue[]; next?: string | undefined } | undefined> {
    const cached = this.cache.get(url);
    let response;
    try {
      response = await this.octokit.request({
        method: 'GET',
        url,
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': API_VERSION, ...(cached ? { 'if-none-match': cached.etag } : {}) },
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 304 && cached) return cached;
      if (status === 404 || status === 410) return undefined;
      throw this.describeFailure(error, what);
    }
    const data = shape === 'list' ? slimList(response.data) : slimIssue(response.data);
    if (data === undefined) throw this.unavailable(`GitHub's answer for ${what} is not ${shape === 'list' ? 'a list of issues' : 'an issue'}`);
    const next = nextLink(response.headers.link);
    if (next !== undefined && new URL(next, url).origin !== this.origin) {
      // The token goes with every request: never to a host other than GITHUB_API_URL's.
      throw this.unavailable(`GitHub's next page for ${what} is on another host (${new URL(next, url).host}); not following it`);
    }
    const resolved = next === undefined ? undefined : new URL(next, url).href;
    const etag = response.headers.etag;
    if (typeof etag === 'string' && etag !== '') this.cache.set(url, { etag, data, next: resolved });
    return { data, next: resolved };
  }

  private unavailable(reason: string): TrackerUnavailable {
    return new TrackerUnavailable(`--online: the tracker could not answer: ${reason}`);
  }

  /** One line saying why GitHub did not answer, from the error left after the plugins' retries. */
  private describeFailure(error: unknown, what: string): TrackerUnavailable {
    const failure = error as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined>; data?: unknown } };
    const status = failure.status;
    const headers = failure.response?.headers ?? {};
    const said = githubMessage(failure.response?.data) ?? firstLine(failure.message ?? String(error));
    const reading = `reading ${what} of ${this.repository}`;
    if (status === 401) {
      return this.unavailable(
        this.options.token
          ? `GitHub refused GITHUB_TOKEN (401 ${said}) ${reading}; set it to a token that can read the repository's issues`
          : `GitHub asks for a token (401 ${said}) ${reading}; set GITHUB_TOKEN`,
      );
    }
    if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(said))) {
      const reset = Number(headers['x-ratelimit-reset']);
      const until = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, 'Z')}` : '';
      return this.unavailable(`GitHub's rate limit is used up${until} (${status}) ${reading}; try again later${this.options.token ? '' : ', or set GITHUB_TOKEN for a higher limit'}`);
    }
    if (status === 403) return this.unavailable(`GitHub refused access (403 ${said}) ${reading}; the token needs read access to the repository's issues`);
    if (status !== undefined && failure.response) return this.unavailable(`GitHub answered ${status} (${said}) ${reading}, also after retrying`);
    return this.unavailable(`could not reach ${this.options.apiUrl} (${said}) ${reading}, also after retrying`);
  }
}

/** GitHub's JSON error message (`{"message": "Bad credentials"}`), on one short line. */
function githubMessage(data: unknown): string | undefined {
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') return firstLine((data as { message: string }).message);
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0]!.replace(/\p{Cc}/gu, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/** The `rel="next"` address of a Link header (RFC 8288), as GitHub paginates. */
export function nextLink(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

function slimIssue(value: unknown): SlimIssue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const issue = value as Record<string, unknown>;
  if (typeof issue.number !== 'number' || !Number.isInteger(issue.number) || (issue.state !== 'open' && issue.state !== 'closed')) return undefined;
  if (typeof issue.html_url !== 'string' || !/^https?:\/\//.test(issue.html_url)) return undefined;
  const labels = Array.isArray(issue.labels)
    ? issue.labels.flatMap((label) => (typeof label === 'string' ? [label] : label && typeof (label as { name?: unknown }).name === 'string' ? [(label as { name: string }).name] : []))
    : [];
  return {
    number: issue.number,
    title: typeof issue.title === 'string' ? issue.title : '',
    state: issue.state,
    labels,
    html_url: issue.html_url,
    // GitHub marks a pull request with a `pull_request` object; the cache keeps that as a boolean.
    pull_request: typeof issue.pull_request === 'boolean' ? issue.pull_request : issue.pull_request != null,
  };
}

function slimList(value: unknown): SlimIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map(slimIssue);
  return list.every((issue) => issue !== undefined) ? (list as SlimIssue[]) : undefined;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the others stop taking work: the first error is the reason given.
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((result) => result.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
}

/**
 * The ETag cache: one JSON file of request address -> ETag, the slim answer
 * and its next-page address. Unreadable or foreign files are ignored, the
 * oldest entries dropped beyond a few thousand, and the file is replaced in
 * one rename, so a concurrent run reads the old or the new one.
 */
class ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private changed = false;
  private readonly file: string | undefined;

  constructor(file: string | undefined) {
    this.file = file;
    if (!file) return;
    try {
      if (statSync(file).size > CACHE_MAX_BYTES) return;
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
      if (parsed.version !== CACHE_VERSION || !parsed.entries || typeof parsed.entries !== 'object') return;
      for (const [url, value] of Object.entries(parsed.entries as Record<string, unknown>)) {
        const entry = value as Partial<CacheEntry>;
        if (typeof entry.etag !== 'string' || typeof entry.used !== 'number') continue;
        const data = Array.isArray(entry.data) ? slimList(entry.data) : slimIssue(entry.data);
        if (data === undefined || (entry.next !== undefined && typeof entry.next !== 'string')) continue;
        this.entries.set(url, { etag: entry.etag, data, next: entry.next, used: entry.used });
      }
    } catch {
      // No cache yet, or one this version cannot read: start empty.
    }
  }

  get(url: string): CacheEntry | undefined {
    const entry = this.entries.get(url);
    if (entry) {
      entry.used = Date.now();
      this.changed = true;
    }
    return entry;
  }

  set(url: string, entry: Omit<CacheEntry, 'used'>): void {
    this.entries.set(url, { ...entry, used: Date.now() });
    this.changed = true;
  }

  save(): void {
    if (!this.file || !this.changed) return;
    const kept = [...this.entries].sort((a, b) => b[1].used - a[1].used).slice(0, CACHE_MAX_ENTRIES);
    const text = `${JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(kept) })}\n`;
    const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written costs requests next time, nothing else.
      try {
        unlinkSync(temporary);
      } catch {
        // Never written.
      }
    }
  }
}
