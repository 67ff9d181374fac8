import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { publicProjection } from '../../src/views/public.ts';
import { buildSite, repoRoot } from '../public/helpers.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * The public site in Chromium, built from the repository's own content:
 * layout at desktop and phone widths, axe-core, the category filter with and
 * without JavaScript, and Pagefind search. Screenshots go to screenshots/
 * (git-ignored) for a person to look at.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const screenshots = path.join(repoRoot, 'screenshots');
const projection = publicProjection(loadContent(path.join(repoRoot, 'content')).content!);
const widths = [1280, 390] as const;

let tmp: string;
let buildLog = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-public-e2e-'));
  const build = await buildSite({ content: path.join(repoRoot, 'content'), out: tmp, only: 'public' });
  if (build.status !== 0) throw new Error(`public build failed:\n${build.stdout}\n${build.stderr}`);
  buildLog = build.stdout + build.stderr;
  server = await serveStatic(build.siteDir);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(pathname: string, width: number, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const response = await page.goto(server.url + pathname);
  expect(response?.status(), pathname).toBe(200);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document);
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Fails when the page is wider than the viewport: on a phone, nothing may scroll sideways. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const entry = projection.changelog.find((e) => e.article && e.release)!;
const article = projection.articles.find((a) => a.changelog)!;
const release = projection.releases[0]!;

const pages = [
  { name: 'changelog', path: '/changelog/' },
  { name: 'entry', path: `/changelog/${entry.id}/` },
  { name: 'release', path: `/changelog/releases/${release.id}/` },
  { name: 'docs', path: '/docs/' },
  { name: 'article', path: `/docs/${article.id}/` },
  { name: 'home', path: '/' },
];

describe('the public site in a browser', () => {
  it('is built from the shipped content without a warning from Astro, Vite or Shiki', () => {
    expect(buildLog).toContain('build: public site');
    expect(buildLog.split('\n').filter((line) => /\[WARN\]|\[Shiki\]|\bwarning:/i.test(line))).toEqual([]);
  });

  for (const { name, path: pathname } of pages) {
    for (const width of widths) {
      it(`${name} at ${width}px: no serious or critical axe violation, no sideways scroll`, async () => {
        const page = await open(pathname, width);
        await page.screenshot({ path: path.join(screenshots, `public-${name}-${width}.png`), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.context().close();
      });
    }
  }

  it('passes axe in dark mode too', async () => {
    for (const pathname of ['/changelog/', `/docs/${article.id}/`]) {
      const page = await open(pathname, 1280, { colorScheme: 'dark' });
      await page.screenshot({ path: path.join(screenshots, `public-${pathname === '/changelog/' ? 'changelog' : 'article'}-dark.png`), fullPage: true });
      expect(await seriousViolations(page), pathname).toEqual([]);
      await page.context().close();
    }
  });

  it('shows the entry with its category, date, text and article link', async () => {
    const page = await open(`/changelog/${entry.id}/`, 1280);
    await expect(page.locator('h1').textContent()).resolves.toBe(entry.title);
    await expect(page.locator('.entry-meta .badge').textContent()).resolves.toMatch(new RegExp(entry.category, 'i'));
    await expect(page.locator('time').getAttribute('datetime')).resolves.toBe(entry.date);
    await page.getByRole('link', { name: `Read the article: ${entry.article!.title}` }).click();
    await page.waitForURL(`**/docs/${entry.article!.id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(entry.article!.title);
    await page.context().close();
  });
});

describe('filtering the changelog by category', () => {
  const count = (category: string) => projection.changelog.filter((e) => e.category === category).length;

  it('filters in place with JavaScript and keeps the choice in ?category=', async () => {
    const page = await open('/changelog/', 390);
    const visible = () => page.locator('[data-entry]:visible');
    await expect(visible().count()).resolves.toBe(projection.changelog.length);
    expect(count('improved')).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name: 'Improved' }).click();
    await expect(visible().count()).resolves.toBe(count('improved'));
    const categories = await visible().evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.category));
    expect(new Set(categories)).toEqual(new Set(['improved']));
    expect(new URL(page.url()).searchParams.get('category')).toBe('improved');
    await expect(page.locator('[data-filter-status]').textContent()).resolves.toBe(`Showing ${count('improved')} improved changes.`);
    // Months without an improved entry are hidden with their heading.
    const visibleMonths = await page.locator('[data-month]:visible').count();
    const monthsWithImproved = new Set(projection.changelog.filter((e) => e.category === 'improved').map((e) => e.date.slice(0, 7))).size;
    expect(visibleMonths).toBe(monthsWithImproved);

    await page.reload();
    await expect(visible().count()).resolves.toBe(count('improved'));
    await page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name: 'All' }).click();
    await expect(visible().count()).resolves.toBe(projection.changelog.length);
    expect(new URL(page.url()).searchParams.has('category')).toBe(false);
    await page.context().close();
  });

  it('without JavaScript, follows the links to one page per category', async () => {
    const page = await open('/changelog/', 1280, { javaScript: false });
    await page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name: 'New' }).click();
    await page.waitForURL('**/changelog/category/new/');
    const categories = await page.locator('[data-entry]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.category));
    expect(categories).toEqual(Array(count('new')).fill('new'));
    await page.screenshot({ path: path.join(screenshots, 'public-category-new-1280.png'), fullPage: true });
    await page.context().close();
  });
});

describe('search', () => {
  it('finds an article through Pagefind from the header search box', async () => {
    const page = await open('/changelog/', 1280);
    await page.getByRole('searchbox', { name: 'Search the changelog and help articles' }).fill('snooze');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=snooze');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href')));
    expect(links).toContain('/docs/snoozing-conversations/');
    await page.screenshot({ path: path.join(screenshots, 'public-search-1280.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
