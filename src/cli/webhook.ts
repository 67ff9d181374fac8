import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Posting JSON to a chat webhook (Slack, Mattermost, Rocket.Chat), reliably:
 * each request has a timeout; network errors, 429 (after its Retry-After)
 * and 5xx are retried with exponential backoff; any other answer that is
 * not 2xx is final at once. The webhook's address is a secret (whoever has
 * it can post to the channel), so messages name only its host.
 */

export interface PostOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Attempts in all, the first included; default 4. */
  attempts?: number;
  /** The first backoff; it doubles on each retry. Default 1 s. */
  backoffMs?: number;
  /** The longest wait a Retry-After may ask for before the post gives up; default 60 s. */
  maxRetryAfterMs?: number;
  /** Called before each wait, so the command can say why it waits. */
  onRetry?: (why: string, waitMs: number) => void;
}

/** The post failed for good: `message` is one line for stderr. */
export class PostFailed extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** The host a webhook address names (all that is ever printed of it). */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the webhook';
  }
}

/** Reads Retry-After: seconds, or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Posts `body` as JSON to `url` once successfully, or throws PostFailed. */
export async function postJson(url: string, body: unknown, options: PostOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, attempts = 4, backoffMs = 1000, maxRetryAfterMs = 60_000, onRetry } = options;
  const host = webhookHost(url);
  const payload = JSON.stringify(body);
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = backoffMs * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect would resend the message somewhere else: treated as a final answer instead.
        redirect: 'manual',
      });
      // The body is not needed, but must be read for the connection to be reused or closed.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return;
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status !== 429 && response.status < 500) {
        throw new PostFailed(`${host} answered ${status}, which a retry cannot fix (not retried): check the webhook address`, response.status);
      }
      last = `${host} answered ${status}`;
      if (response.status === 429) {
        const asked = retryAfterMs(response.headers.get('retry-after'));
        if (asked !== undefined) {
          if (asked > maxRetryAfterMs) throw new PostFailed(`${host} answered ${status} and asks to wait ${Math.ceil(asked / 1000)} s: gave up`, response.status);
          wait = asked;
        }
      }
      if (attempt === attempts) throw new PostFailed(`gave up after ${attempts} attempts: ${last}`, response.status);
    } catch (error) {
      if (error instanceof PostFailed) throw error;
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : networkReason(error);
      last = `could not reach ${host} (${reason})`;
      if (attempt === attempts) throw new PostFailed(`gave up after ${attempts} attempts: ${last}`);
    }
    onRetry?.(last, wait);
    await sleep(wait);
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
