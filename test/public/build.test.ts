import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { publicProjection } from '../../src/views/public.ts';
import { buildSite, collectCanaries, fixturesDir, listFiles, PAGEFIND_MARKER, scanSite, type BuildResult, type ScannedFile } from './helpers.ts';

/**
 * Builds the public site from the canary fixture, where every internal value
 * is a unique CANARY-... string, and proves none of them reaches any file of
 * dist/public/, Pagefind's compressed index included. The site URL carries a
 * path so the base-path handling is exercised too.
 */

const fixture = path.join(fixturesDir, 'public-canary');
const SITE = 'https://updates.example.org/help';
const env = { SHIPLOG_PUBLIC_URL: SITE };

let tmp: string;
let first: BuildResult;
let second: BuildResult;
let scanned: ScannedFile[];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-public-'));
  // Two builds of the same content into different folders: also the reproducibility check.
  first = await buildSite({ content: fixture, out: path.join(tmp, 'a'), only: 'public', env });
  second = await buildSite({ content: fixture, out: path.join(tmp, 'b'), only: 'public', env });
  if (first.status === 0) scanned = scanSite(first.siteDir);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(first.siteDir, file), 'utf8');
const files = () => listFiles(first.siteDir);

describe('the public site built from the canary fixture', () => {
  it('builds', () => {
    expect(first.stderr + first.stdout).not.toMatch(/\berror\b(?! diagnostics)/i);
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
  });

  it('leaks no canary into any file, Pagefind index included', () => {
    const canaries = collectCanaries(fixture);
    // Names, person ids, GitHub logins, teams, summaries, flags, bug URLs and titles,
    // bodies, handbook text, process text, and titles/entries/articles not yet public.
    expect(canaries.length).toBeGreaterThanOrEqual(60);
    const pagefindFiles = scanned.filter((f) => f.decompressed);
    expect(pagefindFiles.length).toBeGreaterThan(4);
    expect(pagefindFiles.every((f) => f.text.startsWith(PAGEFIND_MARKER))).toBe(true);

    const leaks = scanned.flatMap((f) => {
      // The path too: a page at /changelog/<id>/ would name the feature.
      const text = `${f.file}\n${f.text}`.toLowerCase();
      return canaries.filter((canary) => text.includes(canary.toLowerCase())).map((canary) => `${f.file}: ${canary}`);
    });
    expect(leaks).toEqual([]);
    // Pagefind stems and lowercases words ("canary" → "canari"): no trace of the word anywhere.
    expect(scanned.filter((f) => /canar/i.test(`${f.file}\n${f.text}`)).map((f) => f.file)).toEqual([]);
  });

  it('does contain the public content (the scan can see it, so it could see a leak)', () => {
    const fragments = scanned.filter((f) => f.file.startsWith('pagefind/fragment/')).map((f) => f.text);
    expect(fragments).toHaveLength(4);
    const indexed = fragments.join('\n');
    expect(indexed).toContain('Snooze reminders');
    expect(indexed).toContain('Search results now appear as you type');
    expect(indexed).toContain('Select Snooze and choose when it should come back');
    expect(indexed).toContain('Open your inbox and pick a conversation');
    const words = scanned.find((f) => f.file.startsWith('pagefind/index/'))!.text;
    expect(words).toContain('snooz');
    // The scanner itself finds canaries where they are: in the fixture.
    const fixtureText = scanSite(fixture).map((f) => `${f.file}\n${f.text}`.toLowerCase()).join('\n');
    expect(collectCanaries(fixture).every((canary) => fixtureText.includes(canary.toLowerCase()))).toBe(true);
  });

  it('is byte-for-byte the same when built twice', () => {
    const a = listFiles(first.siteDir);
    expect(listFiles(second.siteDir)).toEqual(a);
    const differing = a.filter((file) => !readFileSync(path.join(first.siteDir, file)).equals(readFileSync(path.join(second.siteDir, file))));
    expect(differing).toEqual([]);
  });

  it('has pages only for public entries and published articles', () => {
    const pages = files().filter((file) => file.endsWith('.html'));
    expect(pages).toEqual([
      '404.html',
      'changelog/category/fixed/index.html',
      'changelog/category/improved/index.html',
      'changelog/category/new/index.html',
      'changelog/faster-search/index.html',
      'changelog/index.html',
      'changelog/releases/2026.10/index.html',
      'changelog/releases/index.html',
      'changelog/snooze-reminders/index.html',
      'docs/getting-started/index.html',
      'docs/index.html',
      'docs/using-snooze-reminders/index.html',
      'index.html',
      'search/index.html',
    ]);
    // Release 2026.12 is carried only by a beta feature: no page for it yet.
    const changelog = read('changelog/index.html');
    expect([...changelog.matchAll(/data-entry data-category="(\w+)" id="([^"]+)"/g)].map((m) => [m[2], m[1]])).toEqual([
      ['faster-search', 'fixed'],
      ['snooze-reminders', 'new'],
    ]);
    expect([...changelog.matchAll(/<h2 id="month-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['November 2026', 'October 2026']);
  });

  it('renders entry text safely: raw HTML escaped, javascript: links dropped', () => {
    const entry = read('changelog/snooze-reminders/index.html');
    expect(entry).toContain('<strong>reminder</strong>');
    expect(entry).toContain('&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;');
    expect(entry).toContain(' and a bad link.');
    for (const f of scanned.filter((s) => /\.(html|xml|json)$/.test(s.file))) {
      expect(f.text.toLowerCase(), f.file).not.toContain('javascript:');
      // JSON Feed's summary is plain text, where "<script>" is just characters; its HTML is checked below.
      // Inside a quoted attribute value (a meta description) "<" is text; everywhere else it would be markup.
      if (!f.file.endsWith('.json')) expect(f.text.replace(/="[^"]*"/g, '=""'), f.file).not.toContain('<script>alert(');
    }
    const json = JSON.parse(read('changelog/feed.json')) as { items: { content_html: string; summary: string }[] };
    expect(json.items.map((i) => i.content_html).join('')).not.toContain('<script>alert(');
    expect(json.items[1]!.summary).toBe('Snooze a conversation and it comes back as a reminder when you need it. Unsafe markup stays text: <script>alert("xss-script")</script> and a bad link.');
  });

  it('links an entry and its article both ways, under the base path', () => {
    const entry = read('changelog/snooze-reminders/index.html');
    expect(entry).toContain('<a href="/help/docs/using-snooze-reminders/">Read the article: Using snooze reminders');
    expect(entry).toContain('href="/help/changelog/releases/2026.10/"');
    expect(entry).toContain(`<link rel="canonical" href="${SITE}/changelog/snooze-reminders/">`);
    const article = read('docs/using-snooze-reminders/index.html');
    expect(article).toContain('<a href="/help/changelog/snooze-reminders/">Snooze reminders</a>');
    expect(article).toContain('<a href="/help/docs/getting-started/#first-steps">getting started</a>');
  });

  it('turns links to unpublished articles into text (or the docs index) and site paths into base paths', () => {
    const article = read('docs/getting-started/index.html');
    expect(article).toContain('Coming soon: a draft article, and a\n<a href="/help/docs/">reference-style link to it</a>');
    expect(article).toContain('<a href="/help/changelog/">changelog</a>');
  });

  it('writes RSS 2.0, Atom 1.0 and JSON Feed 1.1 that parse and match the changelog', () => {
    const projection = publicProjection(loadContent(fixture).content!);
    expect(projection.changelog).toHaveLength(2);
    const permalinks = projection.changelog.map((e) => `${SITE}/changelog/${e.id}/`);
    const titles = projection.changelog.map((e) => e.title);
    const dates = projection.changelog.map((e) => new Date(`${e.date}T00:00:00Z`).getTime());

    const rss = parseRssFeed(read('changelog/rss.xml'));
    expect(rss.link).toBe(`${SITE}/changelog/`);
    expect(rss.items!.map((i) => i.guid?.value)).toEqual(permalinks);
    expect(rss.items!.map((i) => i.link)).toEqual(permalinks);
    expect(rss.items!.map((i) => i.title)).toEqual(titles);
    expect(rss.items!.map((i) => Date.parse(i.pubDate!))).toEqual(dates);
    expect(rss.items!.map((i) => i.categories?.map((c) => c.name))).toEqual([['Fixed'], ['New']]);
    expect(Date.parse(rss.lastBuildDate!)).toBe(dates[0]);

    const atom = parseAtomFeed(read('changelog/atom.xml'));
    expect(atom.entries!.map((e) => e.id)).toEqual(permalinks);
    expect(atom.entries!.map((e) => e.title?.value ?? e.title)).toEqual(titles);
    expect(atom.entries!.map((e) => Date.parse(e.updated!))).toEqual(dates);
    expect(Date.parse(atom.updated!)).toBe(dates[0]);
    expect(atom.links!.find((l) => l.rel === 'self')?.href).toBe(`${SITE}/changelog/atom.xml`);

    const raw = JSON.parse(read('changelog/feed.json')) as { version: string; language: string };
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw.language).toBe('en');
    const json = parseJsonFeed(raw);
    expect(json.feed_url).toBe(`${SITE}/changelog/feed.json`);
    expect(json.items!.map((i) => i.id)).toEqual(permalinks);
    expect(json.items!.map((i) => i.url)).toEqual(permalinks);
    expect(json.items!.map((i) => i.title)).toEqual(titles);
    expect(json.items!.map((i) => Date.parse(i.date_published!))).toEqual(dates);
    expect(json.items![1]!.content_html).toContain(`<a href="${SITE}/docs/using-snooze-reminders/">Read the article`);
    // Every link in the feeds is absolute, from the configured site URL.
    for (const feed of ['changelog/rss.xml', 'changelog/atom.xml', 'changelog/feed.json']) {
      const links = [...read(feed).matchAll(/(?:href=\\?"|<link>|<guid[^>]*>|"(?:url|id|home_page_url|feed_url)": ")([^"<\\]+)/g)].map((m) => m[1]!);
      expect(links.length, feed).toBeGreaterThan(4);
      expect(links.filter((link) => !link.startsWith(`${SITE}/`)), feed).toEqual([]);
    }
  });

  it('has a sitemap, robots.txt pointing at it, and a search page', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`);
    const urls = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toContain(`${SITE}/changelog/snooze-reminders/`);
    expect(urls).toContain(`${SITE}/docs/getting-started/`);
    expect(urls).not.toContain(`${SITE}/search/`);
    expect(urls.every((url) => url!.startsWith(`${SITE}/`))).toBe(true);
    expect(read('search/index.html')).toContain('data-bundle-path="/help/pagefind/" data-base-url="/help/"');
    expect(files()).toContain('pagefind/pagefind-ui.js');
  });
});

describe('the internal site preview of the same content', () => {
  let internal: BuildResult;
  beforeAll(async () => {
    internal = await buildSite({ content: fixture, out: path.join(tmp, 'internal'), only: 'internal', env });
  });

  it('shows the upcoming entries and the ready article of the beta feature, marked upcoming', () => {
    expect(internal.status).toBe(0);
    const preview = readFileSync(path.join(internal.siteDir, 'changelog-preview/index.html'), 'utf8');
    expect(preview).toContain('Not public yet');
    expect(preview).toContain('data-upcoming-entry="canary-beta-feature"');
    expect(preview).toContain('CANARY-ENTRY-BETA');
    expect(preview).toContain('data-upcoming-article="canary-beta-article"');
    expect(preview).toContain('Ready: waiting for its feature');
    expect(preview).not.toContain('data-upcoming-entry="snooze-reminders"');
    // ...while the public build has neither.
    expect(scanned.some((f) => f.text.includes('canary-beta-article') || f.text.includes('CANARY-ENTRY-BETA'))).toBe(false);
  });
});
