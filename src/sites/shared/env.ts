import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayUtc } from '../../process/dates.ts';

/**
 * What a site build reads from its environment. `scripts/build.ts` sets these
 * so that tests can build a fixture content root as of a fixed date; a plain
 * `npm run build` uses the repository's own content/ and today's UTC date.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function contentRoot(): string {
  return path.resolve(repoRoot, process.env.SHIPLOG_CONTENT ?? 'content');
}

export function siteToday(): string {
  return process.env.SHIPLOG_TODAY ?? todayUtc();
}

/** Where the repository is browsed and edited; override with SHIPLOG_REPO_URL. */
export function repoUrl(): string {
  return (process.env.SHIPLOG_REPO_URL ?? 'https://github.com/acme/shiplog').replace(/\/$/, '');
}

export function publicSiteUrl(): string {
  return process.env.SHIPLOG_PUBLIC_URL ?? 'https://changelog.example.com';
}

export function internalSiteUrl(): string {
  return process.env.SHIPLOG_INTERNAL_URL ?? 'https://handbook.example.internal';
}
