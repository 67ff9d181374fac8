import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

/**
 * The dev server on a real content root: a save that breaks a feature page
 * shows the finding on that page (file, line, fix) instead of an error or a
 * missing page, prints the findings again, and the page comes back when the
 * file is fixed. The server writes Astro's .astro/ folder, so the test holds
 * the build lock while it runs.
 */
const PORT = 4399 + (process.pid % 500);
const base = `http://127.0.0.1:${PORT}`;
let root: string;
let server: ChildProcess;
let log = '';
let releaseLock: () => void;

async function page(route: string): Promise<string> {
  const response = await fetch(base + route);
  return response.text();
}

/** Polls until `route` shows `text` (the watcher and the content layer take a moment after a save). */
async function waitFor(route: string, text: string): Promise<string> {
  let html = '';
  for (let i = 0; i < 60; i++) {
    html = await page(route).catch(() => '');
    if (html.includes(text)) return html;
    await sleep(250);
  }
  return html;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'shiplog-dev-'));
  cpSync(path.join(fixturesDir, 'valid'), root, { recursive: true });
  // Held for the whole test: released in afterAll.
  await new Promise<void>((ready) => {
    void withBuildLock(
      () =>
        new Promise<void>((release) => {
          releaseLock = release;
          ready();
        }),
    );
  });
  const env: NodeJS.ProcessEnv = { ...process.env, SHIPLOG_CONTENT: root, SHIPLOG_TODAY: FIXTURE_TODAY, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL'].includes(key)) delete env[key];
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--config', 'astro.config.mjs', '--port', String(PORT), '--host', '127.0.0.1'], { cwd: repoRoot, env });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  await waitFor('/', '<h1');
}, 120_000);

afterAll(async () => {
  server?.kill();
  await new Promise((resolve) => (server ? server.once('close', resolve) : resolve(undefined)));
  releaseLock?.();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows a feature page, its finding after a bad save, and the page again after the fix', async () => {
    expect(await waitFor('/features/dark-mode/', 'Dark mode')).toMatch(/<h1[^>]*>Dark mode/);

    const file = path.join(root, 'features/dark-mode.mdx');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^stage: .*$/m, 'stage: nonsense'));
    const broken = await waitFor('/features/dark-mode/', 'not a valid feature page');
    expect(broken).toMatch(/<h1[^>]*>dark-mode: not a valid feature page/);
    expect(broken).toContain('is not one of: development, internal, beta, public.');
    expect(broken).toMatch(/features\/dark-mode\.mdx:\d+:8/);
    expect(log).toContain('"stage" is the text "nonsense", which is not one of: development, internal, beta, public.');

    writeFileSync(file, good);
    expect(await waitFor('/features/dark-mode/', '>Dark mode')).toMatch(/<h1[^>]*>Dark mode/);
    expect(log).toMatch(/content changed: 0 errors/);
  }, 60_000);

  it('shows a feature page added while the server runs (its collection entry and compiled body are new)', async () => {
    const dark = readFileSync(path.join(root, 'features/dark-mode.mdx'), 'utf8');
    // An HTML element: the body is MDX's to compile (a plain-Markdown body would be rendered into the store).
    const night = `${dark.replace(/^title: .*$/m, 'title: Night mode').replace(/^flag: .*$/m, 'flag: night-mode')}\nNight mode keeps its own notes: press <kbd>N</kbd>.\n`;
    writeFileSync(path.join(root, 'features/night-mode.mdx'), night);
    const html = await waitFor('/features/night-mode/', '>Night mode');
    expect(html).toMatch(/<h1[^>]*>Night mode/);
    // The body is compiled from the new file, not taken from another entry.
    expect(html).toContain('Night mode keeps its own notes: press <kbd>N</kbd>.');
    expect(log).not.toContain('did not refresh');
  }, 60_000);

  it('shows the new body of a plain-Markdown page saved with an HTML element, and again without it', async () => {
    const file = path.join(root, 'features/dark-mode.mdx');
    const plain = readFileSync(file, 'utf8');
    writeFileSync(file, `${plain}\nSwitch it with <kbd>D</kbd>.\n`);
    expect(await waitFor('/features/dark-mode/', 'Switch it with <kbd>D</kbd>.')).toContain('Switch it with <kbd>D</kbd>.');
    writeFileSync(file, `${plain}\nSwitch it from the menu.\n`);
    const html = await waitFor('/features/dark-mode/', 'Switch it from the menu.');
    expect(html).toContain('Switch it from the menu.');
    expect(html).not.toContain('<kbd>D</kbd>');
  }, 60_000);
});
