import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from '../../helpers/build.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SITE_TODAY = '2026-11-21';

/** The internal site built from a content root into a fresh folder inside the repository. */
export interface BuiltSite {
  /** DIR/internal/ */
  dir: string;
  stdout: string;
  stderr: string;
  cleanup(): void;
}

const cacheRoot = path.join(repoRoot, 'node_modules/.cache/shiplog-test');

export async function buildInternalSite(options: { content?: string; today?: string } = {}): Promise<BuiltSite> {
  mkdirSync(cacheRoot, { recursive: true });
  const out = mkdtempSync(path.join(cacheRoot, 'internal-'));
  const { status, stdout, stderr, siteDir } = await runBuild({ out, only: 'internal', content: options.content, today: options.today ?? SITE_TODAY });
  if (status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`build failed (exit ${status}):\n${stdout}\n${stderr}`);
  }
  return { dir: siteDir, stdout, stderr, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}
