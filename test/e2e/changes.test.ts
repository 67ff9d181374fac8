import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHistoryRepo } from '../history/history-repo.ts';
import { removeTempDirs } from '../helpers/repo.ts';
import { seriousViolations } from './helpers/axe.ts';
import { checkedPages, launchChromium } from './helpers/browser.ts';
import { buildInternalSite, repoRoot, type BuiltSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * /changes/ and a feature page's History section in Chromium, built from a
 * real repository with a history (test/history/history-repo.ts): the stage
 * and team filters through the URL, axe-core, and nothing sticking out at
 * desktop and phone widths, light and dark.
 */
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
const screenshots = path.join(repoRoot, 'screenshots');

beforeAll(async () => {
  const repo = await makeHistoryRepo();
  site = await buildInternalSite({ content: repo.content });
  server = await serveStatic(site.dir);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
  removeTempDirs();
});

/** Every page a test opens must answer 200 and report no console error or uncaught exception. */
const open = checkedPages(() => browser, () => server.url);

const visible = (page: Page) => page.locator('[data-change-item]:visible').evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.feature}:${(r as HTMLElement).dataset.stage}`));

describe('/changes/', () => {
  it('filters by the stage entered and by team through the URL, and keeps the URL in step', async () => {
    const page = await open('/changes/?stage=beta');
    await expect.poll(() => visible(page)).toEqual(['inbox-search:beta', 'ticket-export:beta', 'bulk-tagging:beta']);
    await expect(page.locator('[data-filter-status]').textContent()).resolves.toBe('3 of 9 stage changes shown');
    await expect(page.locator('select[name="stage"]').inputValue()).resolves.toBe('beta');

    await page.locator('select[name="stage"]').selectOption('internal');
    await expect.poll(() => visible(page)).toEqual(['reply-drafts:internal', 'inbox-search:internal']);
    expect(new URL(page.url()).search).toBe('?stage=internal');
    await page.locator('select[name="team"]').selectOption('frontend');
    expect(new URL(page.url()).searchParams.get('team')).toBe('frontend');
    await page.locator('select[name="stage"]').selectOption('');
    await expect.poll(async () => (await visible(page)).length).toBe(9);
  });

  it('shows every change without JavaScript', async () => {
    const page = await open('/changes/?stage=beta', { javaScript: false });
    await expect(page.locator('[data-change-item]:visible').count()).resolves.toBe(9);
  });
});

describe('accessibility and looks', () => {
  const pages = [
    ['changes', '/changes/'],
    ['feature-history', '/features/inbox-search/'],
  ] as const;
  for (const width of [1280, 390]) {
    for (const dark of [false, true]) {
      it(`has no serious or critical axe violation at ${width}px${dark ? ' in dark mode' : ''}`, async () => {
        for (const [name, route] of pages) {
          const page = await open(route, { width, dark });
          await page.screenshot({ path: path.join(screenshots, `history-${name}-${width}${dark ? '-dark' : ''}.png`), fullPage: true });
          expect(await seriousViolations(page), `${route} at ${width}px`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, route).toBeLessThanOrEqual(0);
        }
      });
    }
  }
});
