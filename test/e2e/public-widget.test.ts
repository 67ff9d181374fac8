import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixturesDir, repoRoot } from '../public/helpers.ts';
import { seriousViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * The "what's new" widget (/widget.js) in Chromium, on the public site's demo
 * page, built from the canary fixture: it reads the JSON Feed, badges the
 * unread count, and its popover works with the keyboard alone (focus trap,
 * Escape, focus returned) and passes axe. Screenshots go to screenshots/.
 */

const screenshots = path.join(repoRoot, 'screenshots');
let tmp: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-widget-e2e-'));
  const build = await buildSite({ content: path.join(fixturesDir, 'public-canary'), out: tmp, only: 'public' });
  if (build.status !== 0) throw new Error(`public build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(build.siteDir);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function demo(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/widget/`);
  // The host has no box of its own (its button is position: fixed inside the shadow root).
  await page.locator('[data-whats-new-widget][data-state="ready"]').waitFor({ state: 'attached' });
  return page;
}

/** What has focus, looking into the widget's shadow root. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    // Its name as a screen reader hears it: aria-label, else its text without aria-hidden parts.
    const text = active.cloneNode(true) as Element;
    for (const hidden of text.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return `${active.tagName.toLowerCase()}:${active.getAttribute('aria-label') ?? text.textContent?.trim() ?? ''}`;
  });
}

describe('the what\'s new widget', () => {
  it('badges the unread entries, opens, reads the feed and closes with the keyboard alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await demo(context);
    const trigger = page.locator('[data-whats-new-widget] button.t');
    await expect.poll(() => trigger.getAttribute('data-whats-new-count')).toBe('2');
    expect(await page.locator('[data-whats-new-widget] .b').textContent()).toBe('2');
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');

    // Keyboard only: Tab through the page until the widget's button has focus.
    for (let i = 0; i < 40 && !(await focused(page)).startsWith("button:What's new"); i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe("button:What's new, 2 new updates");
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: "What's new" });
    await dialog.waitFor();
    expect(await trigger.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe("button:Close what's new");
    // The newest entries of the JSON Feed, as text, newest first.
    const links = dialog.locator('li > a');
    expect(await links.allTextContents()).toEqual(['Faster search', 'Snooze reminders']);
    expect(await links.first().getAttribute('href')).toBe('https://changelog.example.com/changelog/faster-search/');
    expect(await dialog.locator('li').nth(1).textContent()).toContain('<script>alert("xss-script")</script>');
    expect(await page.evaluate(() => (window as unknown as { xss?: boolean }).xss)).toBeUndefined();

    // The focus stays inside: close, the two entries, "All changes", then close again; Shift+Tab goes back.
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual(['a:Faster search', 'a:Snooze reminders', 'a:All changes', "button:Close what's new"]);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a:All changes');

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'public-widget-1280-light.png') });

    // Escape closes and gives the focus back; the entries are now read.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe("button:What's new");
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-whats-new-widget] .b').isHidden()).toBe(true);

    // A new visit remembers (localStorage): no badge until something new is published.
    const again = await demo(context);
    expect(await again.locator('[data-whats-new-widget] button.t').getAttribute('data-whats-new-count')).toBe('0');
    await context.close();
  });

  it('is axe clean and readable closed and open, light and dark, at phone and desktop widths', async () => {
    for (const width of [1280, 390]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
        const page = await demo(context);
        expect(await seriousViolations(page), `${width} ${colorScheme} closed`).toEqual([]);
        await page.locator('[data-whats-new-widget] button.t').click();
        await page.getByRole('dialog', { name: "What's new" }).waitFor();
        expect(await seriousViolations(page), `${width} ${colorScheme} open`).toEqual([]);
        await page.screenshot({ path: path.join(screenshots, `public-widget-${width}-${colorScheme}.png`) });
        // A click outside closes it.
        await page.mouse.click(5, 300);
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        await context.close();
      }
    }
  });

  it('says so, with a link to the changelog, when the feed cannot be read', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/changelog/feed.json', (route) => route.fulfill({ status: 500, body: 'down' }));
    const page = await context.newPage();
    await page.goto(`${server.url}/widget/`);
    await page.locator('[data-whats-new-widget][data-state="error"]').waitFor({ state: 'attached' });
    await page.locator('[data-whats-new-widget] button.t').click();
    const dialog = page.getByRole('dialog', { name: "What's new" });
    expect(await dialog.textContent()).toContain('The latest changes could not be loaded.');
    expect(await dialog.locator('a').getAttribute('href')).toBe(`${server.url}/changelog/`);
    await context.close();
  });
});
