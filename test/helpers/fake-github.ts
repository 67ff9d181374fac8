import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that answers like GitHub's REST API for the
 * endpoints Shiplog uses: list a repository's issues by label (paginated
 * with Link headers, as GitHub's /repositories/{id}/issues next links), get
 * one issue, ETags and 304s for If-None-Match, and GitHub's error bodies.
 * Bodies follow GitHub's documented examples
 * (https://docs.github.com/rest/issues/issues). Every request is recorded.
 */

export interface FakeIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  labels: string[];
  pullRequest?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** What the server answered. */
  status: number;
}

type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 401 | 403 }
  | { kind: 'rate-limit'; resetInSeconds: number }
  | { kind: 'secondary-limit'; retryAfter: number }
  | { kind: 'foreign-next' };

export interface FakeGithub {
  url: string;
  token: string | undefined;
  issues: FakeIssue[];
  requests: RecordedRequest[];
  /** Issues per page when the client asks for more (GitHub caps per_page at 100; a small cap makes two pages). */
  pageSize: number;
  /** The next request whose path starts with `prefix` (after `/repos/acme/helpdesk`) gets this answer instead. */
  failNext(prefix: string, fault: Fault, times?: number): void;
  close(): Promise<void>;
}

const OWNER = 'acme';
const REPO = 'helpdesk';
const REPO_ID = 1296269;

export async function startFakeGithub(options: { token?: string; issues?: FakeIssue[]; pageSize?: number } = {}): Promise<FakeGithub> {
  const faults: { prefix: string; fault: Fault }[] = [];
  let base = '';
  const fake: FakeGithub = {
    url: '',
    token: options.token,
    issues: options.issues ?? [],
    requests: [],
    pageSize: options.pageSize ?? 100,
    failNext(prefix, fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ prefix, fault });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      fake.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, status });
      const text = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...headers,
      });
      response.end(text);
    };
    const reply = (body: unknown, headers: Record<string, string> = {}) => {
      const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}"`;
      if (request.headers['if-none-match'] === etag) return send(304, undefined, { etag, ...headers });
      send(200, body, { etag, ...headers });
    };

    // Routes: /repos/acme/helpdesk/... and the /repositories/{id}/... form GitHub uses in Link headers.
    const route = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))(\/.*)?$/.exec(url.pathname);
    const rest = route?.[4] ?? '';
    const known = route && (route[3] ? Number(route[3]) === REPO_ID : route[1] === OWNER && route[2] === REPO);

    const faultAt = faults.findIndex((f) => rest.startsWith(f.prefix));
    if (faultAt >= 0) {
      const { fault } = faults.splice(faultAt, 1)[0]!;
      if (fault.kind === 'rate-limit') {
        return send(
          403,
          { message: `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.resetInSeconds) },
        );
      }
      if (fault.kind === 'secondary-limit') {
        return send(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' }, { 'retry-after': String(fault.retryAfter) });
      }
      if (fault.kind === 'foreign-next') {
        return send(200, [], { link: `<http://127.0.0.2:9/repositories/${REPO_ID}/issues?page=2>; rel="next"` });
      }
      const messages: Record<number, string> = { 500: 'Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 401: 'Bad credentials', 403: 'Resource not accessible by integration' };
      return send(fault.status, { message: messages[fault.status], documentation_url: 'https://docs.github.com/rest', status: String(fault.status) });
    }

    if (fake.token !== undefined && request.headers.authorization !== `token ${fake.token}`) {
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    if (!known) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#list-repository-issues', status: '404' });

    if (rest === '/issues') {
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const state = url.searchParams.get('state') ?? 'open';
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), fake.pageSize);
      const page = Number(url.searchParams.get('page') ?? 1);
      const matching = fake.issues
        .filter((issue) => labels.every((label) => issue.labels.includes(label)) && (state === 'all' || issue.state === state))
        .sort((a, b) => b.number - a.number);
      const pages = Math.max(1, Math.ceil(matching.length / perPage));
      const link = (n: number) => {
        const next = new URL(`/repositories/${REPO_ID}/issues`, base);
        for (const [key, value] of url.searchParams) if (key !== 'page') next.searchParams.set(key, value);
        next.searchParams.set('page', String(n));
        return next.href;
      };
      const links = [
        ...(page < pages ? [`<${link(page + 1)}>; rel="next"`, `<${link(pages)}>; rel="last"`] : []),
        ...(page > 1 ? [`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`] : []),
      ];
      return reply(
        matching.slice((page - 1) * perPage, page * perPage).map((issue) => issueBody(base, issue)),
        links.length ? { link: links.join(', ') } : {},
      );
    }
    const single = /^\/issues\/(\d+)$/.exec(rest);
    if (single) {
      const issue = fake.issues.find((i) => i.number === Number(single[1]));
      if (!issue) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue', status: '404' });
      return reply(issueBody(base, issue));
    }
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = base;
  return fake;
}

/** An issue as GitHub's "Get an issue" example shows it (the fields a client may read). */
function issueBody(base: string, issue: FakeIssue) {
  const api = `${base}/repos/${OWNER}/${REPO}/issues/${issue.number}`;
  return {
    id: 1000 + issue.number,
    node_id: `MDU6SXNzdWUx${issue.number}`,
    url: api,
    repository_url: `${base}/repos/${OWNER}/${REPO}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `https://github.com/${OWNER}/${REPO}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: "I'm having a problem with this.",
    user: { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false },
    labels: issue.labels.map((name, index) => ({ id: 208045946 + index, node_id: 'MDU6TGFiZWwyMDgwNDU5NDY=', url: `${base}/repos/${OWNER}/${REPO}/labels/${encodeURIComponent(name)}`, name, description: null, color: 'f29513', default: false })),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: 0,
    ...(issue.pullRequest ? { pull_request: { url: `${base}/repos/${OWNER}/${REPO}/pulls/${issue.number}`, html_url: `https://github.com/${OWNER}/${REPO}/pull/${issue.number}` } } : {}),
    closed_at: issue.state === 'closed' ? '2026-11-20T10:00:00Z' : null,
    created_at: '2026-10-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    state_reason: issue.state === 'closed' ? 'completed' : null,
    author_association: 'COLLABORATOR',
  };
}
