import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Config } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixturesDir, repoRoot } from '../public/helpers.ts';
import { chromiumPath } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * Lighthouse, the outside judge, on every type of public page (built from the
 * canary fixture, which has each of them: an entry with a picture, a
 * category, a release, an article, the roadmap), with its mobile and desktop
 * presets: each category must score at least 95. Heavy (twelve runs), so it
 * lives with the browser tests. The scores are written to
 * screenshots/lighthouse.md for the README.
 */

const pages = {
  changelog: '/changelog/',
  entry: '/changelog/snooze-reminders/',
  category: '/changelog/category/new/',
  release: '/changelog/releases/2026.10/',
  article: '/docs/using-snooze-reminders/',
  roadmap: '/roadmap/',
} as const;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const presets: Record<'mobile' | 'desktop', Config | undefined> = { mobile: undefined, desktop: desktopConfig };
const MIN = 95;

let tmp: string;
let server: StaticServer;
let chrome: chromeLauncher.LaunchedChrome;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-lighthouse-'));
  const build = await buildSite({ content: path.join(fixturesDir, 'public-canary'), out: tmp, only: 'public' });
  if (build.status !== 0) throw new Error(`public build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(build.siteDir);
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  chrome?.kill();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Lighthouse on the public site', () => {
  it(`scores at least ${MIN} in every category on every page type, mobile and desktop`, { timeout: 900_000 }, async () => {
    const rows: string[] = [];
    const failures: string[] = [];
    for (const [preset, config] of Object.entries(presets)) {
      for (const [type, pathname] of Object.entries(pages)) {
        const result = await lighthouse(server.url + pathname, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] }, config);
        const lhr = result!.lhr;
        expect(lhr.runtimeError, `${preset} ${type}`).toBeUndefined();
        const scores = categories.map((category) => Math.round((lhr.categories[category]!.score ?? 0) * 100));
        rows.push(`| ${type} | ${preset} | ${scores.join(' | ')} |`);
        categories.forEach((category, i) => {
          if (scores[i]! < MIN) {
            const failing = Object.values(lhr.audits)
              .filter((audit) => audit.score !== null && audit.score < 0.9 && lhr.categories[category]!.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0))
              .map((audit) => `${audit.id} (${audit.score})`);
            failures.push(`${preset} ${type} ${category} ${scores[i]}: ${failing.join(', ')}`);
          }
        });
      }
    }
    const table = ['| page | preset | performance | accessibility | best practices | SEO |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
    mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true });
    writeFileSync(path.join(repoRoot, 'screenshots', 'lighthouse.md'), `${table}\n`);
    console.log(table);
    expect(failures).toEqual([]);
  });
});
