import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';
import { listFiles, scanSite } from './helpers.ts';

/**
 * The public site refuses an article with code whether or not `validate`
 * ran (see hostile-articles.test.ts): the build below calls Astro directly,
 * as someone skipping `npm run build`'s validation would.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-hostile-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build of the public site, without validation', () => {
  it('fails on an article that reads team.yaml through an expression, and writes no page with it', async () => {
    const root = path.join(work, 'canary');
    cpSync(path.join(fixturesDir, 'public-canary'), root, { recursive: true });
    writeFileSync(
      path.join(root, 'docs/leak.mdx'),
      "---\ntitle: Leak\ndescription: Tries to read team.yaml.\nready: true\n---\n{globalThis.process.getBuiltinModule('node:fs').readFileSync('" +
        path.join(root, 'team.yaml') +
        "', 'utf8')}\n",
    );
    const out = path.join(work, 'out');
    const env: NodeJS.ProcessEnv = { ...process.env, SHIPLOG_CONTENT: root, SHIPLOG_TODAY: FIXTURE_TODAY, NODE_ENV: "production", NO_COLOR: "1" };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST') || ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL'].includes(key)) delete env[key];
    const result = await withBuildLock(
      () =>
        new Promise<{ status: number | null; output: string }>((resolve, reject) => {
          const astro = path.join(repoRoot, 'node_modules/astro/bin/astro.mjs');
          const child = spawn(process.execPath, [astro, 'build', '--config', 'astro.public.config.mjs', '--outDir', out], { cwd: repoRoot, env });
          let output = '';
          child.stdout.on('data', (chunk) => (output += chunk));
          child.stderr.on('data', (chunk) => (output += chunk));
          child.on('error', reject);
          child.on('close', (status) => resolve({ status, output }));
        }),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('the public site will not publish these articles');
    expect(result.output).toContain('docs/leak.mdx:6:1 article-code');
    // Nothing was written that holds the team file's contents.
    const written = existsSync(out) ? listFiles(out) : [];
    const leaked = written.length > 0 ? scanSite(out).filter((file) => file.text.includes('CANARY-TEAM-NAME-1')) : [];
    expect(leaked).toEqual([]);
  }, 180_000);
});
