import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayUtc } from '../../engine/dates.ts';

/**
 * What a site build reads from its environment. `scripts/build.ts` sets these
 * so that tests can build a fixture content root as of a fixed date; a plain
 * `npm run build` uses the repository's own content/ and today's UTC date.
 */
const besideThisFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// In Astro's build this module also runs bundled into a chunk (dist/.../chunks/), where its own URL says
// nothing about the repository. The unbundled copy, loaded first by the Astro config, records the real
// root for it in the environment.
export const repoRoot = (process.env.SHIPLOG_REPO_ROOT ??= besideThisFile);

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
