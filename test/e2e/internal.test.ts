import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineView } from '../site/helpers/expected.ts';
import { seriousViolations } from './helpers/axe.ts';
import { checkedPages, launchChromium } from './helpers/browser.ts';
import { buildInternalSite, repoRoot, type BuiltSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * The internal handbook in Chromium: search, the board's filters, axe-core
 * and the console, at desktop and phone widths. The shipped content is
 * built once; a small fixture with two engineering teams gives the team
 * filter something to tell apart.
 */
let shipped: BuiltSite;
let twoTeams: BuiltSite;
let server: StaticServer;
let teamsServer: StaticServer;
let browser: Browser;
const expected = engineView();
const screenshots = path.join(repoRoot, 'screenshots');

beforeAll(async () => {
  shipped = await buildInternalSite();
  twoTeams = await buildInternalSite({ content: path.join(repoRoot, 'test/site/fixtures/two-teams') });
  server = await serveStatic(shipped.dir);
  teamsServer = await serveStatic(twoTeams.dir);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await teamsServer?.close();
  shipped?.cleanup();
  twoTeams?.cleanup();
});

/** Every page a test opens must answer 200 and report no console error or uncaught exception. */
const open = checkedPages(() => browser, () => '');

async function search(page: Page, query: string): Promise<void> {
  // The button is enabled before the element that opens the dialog is defined: wait for that.
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  await page.locator('button[data-open-modal]').click();
  const input = page.locator('dialog[open] .pagefind-ui__search-input');
  await input.fill(query);
  await page.locator('dialog[open] .pagefind-ui__result-link').first().waitFor();
}

const resultLinks = (page: Page) =>
  page.locator('dialog[open] .pagefind-ui__result-link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('search', () => {
  it('finds a feature by a word from its body and opens its page', async () => {
    const page = await open(`${server.url}/`);
    // "courier" is only in the notes of conversation-snoozing, not in its title or summary.
    const snoozing = expected.byId.get('conversation-snoozing')!.entry.data;
    expect(`${snoozing.title} ${snoozing.summary}`.toLowerCase()).not.toContain('courier');
    await search(page, 'courier');
    expect(await resultLinks(page)).toContain('/features/conversation-snoozing/');
    await page.locator('dialog[open] .pagefind-ui__result-link[href^="/features/conversation-snoozing/"]').first().click();
    await page.waitForURL(/\/features\/conversation-snoozing\//);
    await expect(page.locator('h1').textContent()).resolves.toBe('Conversation snoozing');
    await expect(page.locator('.feature-facts .stage-badge').textContent()).resolves.toBe('Public Release');
  });

  it('offers kind, stage, team and owner filters, and a stage filter narrows the results', async () => {
    const page = await open(`${server.url}/`);
    await search(page, 'conversation');
    const groups = await page.locator('dialog[open] .pagefind-ui__filter-name').allTextContents();
    expect(groups.map((g) => g.trim().toLowerCase())).toEqual(expect.arrayContaining(['kind', 'stage', 'team', 'owner']));
    const before = await resultLinks(page);

    await page.locator('dialog[open] .pagefind-ui__filter-name', { hasText: /^\s*stage\s*$/i }).click();
    await page.locator('dialog[open] label', { hasText: 'Beta Release' }).click();
    const beta = new Set([...expected.statuses.filter((s) => s.stage.id === 'beta').map((s) => `/features/${s.entry.id}/`), '/stages/beta/']);
    await expect.poll(async () => (await resultLinks(page)).every((href) => beta.has(href.replace(/#.*$/, '')))).toBe(true);
    const after = await resultLinks(page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
  });
});

describe('stage board', () => {
  it('filters by team through the URL, and the link can be shared', async () => {
    const page = await open(`${teamsServer.url}/features/`);
    const visible = () => page.locator('[data-feature-item]:visible').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.feature).sort());
    expect(await visible()).toHaveLength(7);

    await page.locator('form[data-board-filters] select[name="team"]').selectOption('mobile');
    await expect.poll(visible).toEqual(['inline-spellcheck', 'quick-replies', 'reply-templates']);
    expect(new URL(page.url()).searchParams.get('team')).toBe('mobile');
    await expect(page.locator('[data-filter-status]').textContent()).resolves.toBe('3 of 7 features shown');
    // The column counts follow the filter.
    await expect(page.locator('[data-column="internal"] [data-column-count]').textContent()).resolves.toBe('1');
    // The table view keeps the filter.
    const tableLink = new URL((await page.locator('a[data-view-link]', { hasText: 'Table' }).getAttribute('href'))!, page.url());
    expect(`${tableLink.pathname}${tableLink.search}`).toBe('/features/table/?team=mobile');

    const shared = await open(`${teamsServer.url}/features/table/?team=mobile&owner=noor-haddad`);
    const rows = await shared.locator('tr[data-feature-item]:visible').evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.feature).sort());
    expect(rows).toEqual(['inline-spellcheck', 'reply-templates']);
    await expect(shared.locator('select[name="owner"]').inputValue()).resolves.toBe('noor-haddad');
  });

  it('sorts by time in stage', async () => {
    const page = await open(`${server.url}/features/?sort=recent`);
    for (const stage of expected.content.stages) {
      const days = await page
        .locator(`[data-column="${stage.id}"] [data-feature-item]`)
        .evaluateAll((cards) => cards.map((c) => Number((c as HTMLElement).dataset.days)));
      expect(days, stage.id).toEqual([...days].sort((a, b) => a - b));
    }
  });

  it('shows every feature without JavaScript, with the filter form still there', async () => {
    const page = await open(`${server.url}/features/?team=nobody`, { javaScript: false });
    await expect(page.locator('[data-feature-item]:visible').count()).resolves.toBe(expected.content.features.length);
    await expect(page.locator('form[data-board-filters] button[type="submit"]').isVisible()).resolves.toBe(true);
  });
});

describe('team page', () => {
  it('has an anchor for someone the page body does not mention', async () => {
    const page = await open(`${teamsServer.url}/team/#noor-haddad`);
    await expect(page.locator('#noor-haddad').count()).resolves.toBe(1);
    await expect(page.locator('#noor-haddad a').getAttribute('href')).resolves.toBe('/people/noor-haddad/');
  });
});

describe('feature page', () => {
  for (const width of [1280, 390]) {
    it(`keeps each timeline row's badge clear of its dates at ${width}px ("Internal Release" is the widest)`, async () => {
      const page = await open(`${server.url}/features/conversation-merge/`, { width });
      const rows = await page.locator('.timeline-stages li').evaluateAll((items) =>
        items.map((item) => {
          const [label, text] = [...item.children].map((child) => child.getBoundingClientRect());
          return { stage: item.getAttribute('data-stage'), labelRight: label!.right, textLeft: text!.left };
        }),
      );
      expect(rows.map((row) => row.stage)).toContain('internal');
      for (const row of rows) expect(row.labelRight, row.stage ?? 'target').toBeLessThan(row.textLeft);
    });
  }
});

describe('accessibility and looks', () => {
  const pages = [
    ['home', '/'],
    ['stage', '/stages/internal/'],
    ['feature', '/features/conversation-merge/'],
    ['board', '/features/'],
    ['board-table', '/features/table/'],
    ['person', '/people/gary-mcgrath/'],
    ['engineer', '/people/dana-lee/'],
  ] as const;
  for (const width of [1280, 390]) {
    for (const dark of [false, true]) {
      it(`has no serious or critical axe violation at ${width}px${dark ? ' in dark mode' : ''}`, async () => {
        for (const [name, route] of pages) {
          const page = await open(`${server.url}${route}`, { width, dark });
          if (!dark) await page.screenshot({ path: path.join(screenshots, `internal-${name}-${width}.png`), fullPage: true });
          expect(await seriousViolations(page), `${route} at ${width}px`).toEqual([]);
          // Nothing sticks out sideways on a phone.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, route).toBeLessThanOrEqual(0);
        }
      });
    }
  }
});
