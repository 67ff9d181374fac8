import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { checkedPages, launchChromium } from './helpers/browser.ts';
import { buildInternalSite, repoRoot, type BuiltSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * /insights/ in Chromium, built from the shipped content: at desktop and
 * phone widths, light and dark, with screenshots in screenshots/ (look at
 * them); axe-core finds no serious violation; the phone gets the narrow
 * drawing of each chart and the desktop the wide one; without JavaScript the
 * charts are there and the team filter still works (it is links).
 */
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
const screenshots = path.join(repoRoot, 'screenshots');

beforeAll(async () => {
  site = await buildInternalSite();
  server = await serveStatic(site.dir);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

/** Every page a test opens must answer 200 and report no console error or uncaught exception. */
const open = checkedPages(() => browser, () => server.url);

/** Which drawing of each chart is visible, and how wide it is drawn. */
const visibleCharts = (page: Page) =>
  page.locator('[data-insights-chart] svg').evaluateAll((svgs) =>
    svgs
      .filter((svg) => getComputedStyle(svg).display !== 'none')
      .map((svg) => ({ variant: svg.classList.contains('insights-svg-wide') ? 'wide' : 'narrow', width: Math.round(svg.getBoundingClientRect().width) })),
  );

describe('/insights/ in a browser', () => {
  for (const width of [1280, 390]) {
    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      it(`reads at ${width}px in the ${theme} theme: no serious axe violation, nothing sideways, one drawing per chart`, async () => {
        for (const route of ['/insights/', '/insights/frontend/']) {
          const page = await open(route, { width, dark });
          await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(theme);
          const name = route === '/insights/' ? 'insights' : 'insights-frontend';
          await page.screenshot({ path: path.join(screenshots, `internal-${name}-${width}-${theme}.png`), fullPage: true });
          expect(await seriousViolations(page), `${route} at ${width}px, ${theme}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, route).toBeLessThanOrEqual(0);
          const charts = await visibleCharts(page);
          expect(charts).toHaveLength(7);
          for (const chart of charts) {
            expect(chart.variant).toBe(width === 1280 ? 'wide' : 'narrow');
            // Never drawn wider than the column: a phone sees the narrow drawing at (nearly) its own size.
            expect(chart.width).toBeGreaterThan(width === 1280 ? 500 : 300);
            expect(chart.width).toBeLessThanOrEqual(width === 1280 ? 680 : 360);
          }
        }
      });
    }
  }

  it('shows the charts and filters by team without JavaScript', async () => {
    const page = await open('/insights/', { javaScript: false });
    await expect(page.locator('[data-insights-chart] svg[role="img"]:visible').count()).resolves.toBe(7);
    await page.locator('nav.insights-teams a', { hasText: 'Frontend Engineering' }).click();
    await page.waitForURL(/\/insights\/frontend\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Insights: Frontend Engineering');
    await expect(page.locator('nav.insights-teams a[aria-current="page"]').textContent()).resolves.toMatch(/^Frontend Engineering/);
  });

  it('is reached from the board and the sidebar', async () => {
    const board = await open('/features/');
    await board.locator('main a[href="/insights/"]').first().click();
    await board.waitForURL(/\/insights\/$/);
    await expect(board.locator('h1').textContent()).resolves.toBe('Insights');
    await expect(board.locator('nav.sidebar a[href="/insights/"]').getAttribute('aria-current')).resolves.toBe('page');
  });
});
