import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { upcomingPreview } from '../../src/views/changelog-preview.ts';
import { FIXTURE_TODAY } from '../helpers/validate.ts';
import { buildSite, fixturesDir, repoRoot } from '../public/helpers.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/** The internal site's upcoming-changelog page, from the canary fixture (which has upcoming entries). */

const fixture = path.join(fixturesDir, 'public-canary');
const upcoming = upcomingPreview(loadContent(fixture).content!, FIXTURE_TODAY).entries.map((entry) => entry.id);

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let tmp: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-preview-e2e-'));
  const build = await buildSite({ content: fixture, out: tmp, only: 'internal' });
  if (build.status !== 0) throw new Error(`internal build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(build.siteDir);
  browser = await launchChromium();
  mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the upcoming changelog on the internal site', () => {
  for (const width of [1280, 390]) {
    it(`marks every entry and article as upcoming, with no serious axe violation at ${width}px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      expect((await page.goto(`${server.url}/changelog-preview/`))?.status()).toBe(200);
      await page.screenshot({ path: path.join(repoRoot, 'screenshots', `internal-changelog-preview-${width}.png`), fullPage: true });
      const entries = page.locator('[data-upcoming-entry]');
      // Every entry the engine calls upcoming (not public yet, or public but embargoed), and at least the fixture's three kinds.
      expect(upcoming.length).toBeGreaterThanOrEqual(3);
      await expect(entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-upcoming-entry')))).resolves.toEqual(upcoming);
      for (const entry of await entries.all()) await expect(entry.getByText('Upcoming', { exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('[data-upcoming-article="canary-beta-article"]').textContent()).resolves.toContain('Ready: waiting for its feature');
      await page.addScriptTag({ path: axePath });
      // Only this page's content: Starlight's header and sidebar belong to the internal site as a whole.
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (d: Element) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe.run(document.querySelector('main')!);
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});
