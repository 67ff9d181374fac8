import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { publicProjection } from '../../src/views/public.ts';
import { gzipSync } from 'node:zlib';
import { runBuild } from '../helpers/build.ts';
import { buildSite, collectCanaries, FIXTURE_TODAY, fixturesDir, listFiles, PAGEFIND_MARKER, scanSite, type BuildResult, type ScannedFile } from './helpers.ts';

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

  it('has none of the internal subscriptions: stage changes, queue feeds, the calendar of target dates', () => {
    const internalOnly = files().filter((file) => /^(changes|people|features)\/|\.ics$|^calendar/.test(file));
    expect(internalOnly).toEqual([]);
    // Their words are not anywhere either (the History section, the announce lists' actions).
    const words = ['Stage changes', 'urn:shiplog:', 'in pull request #', 'expected in Public Release', 'Queue of '];
    expect(scanned.flatMap((f) => words.filter((w) => f.text.includes(w)).map((w) => `${f.file}: ${w}`))).toEqual([]);
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
      // publicRoadmap: true in the fixture's process.yaml.
      'roadmap/index.html',
      'search/index.html',
      'widget/index.html',
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
    const projection = publicProjection(loadContent(fixture).content!, { today: FIXTURE_TODAY });
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

describe('rich entries, feeds per audience, the roadmap and the widget', () => {
  it('keeps the embargoed entry, its article, its picture and its release off every file before the publish date', () => {
    // Its title and text are canaries (checked above); these are the traces a canary scan would not name.
    expect(files().filter((file) => /embargo|2026\.11/i.test(file))).toEqual([]);
    expect(scanned.filter((f) => /embargo/i.test(f.text)).map((f) => f.file)).toEqual([]);
    expect(read('changelog/releases/feed.xml')).not.toContain('2026.11');
  });

  it('shows the details and a responsive, lazy picture on the entry page, with share previews', () => {
    const page = read('changelog/snooze-reminders/index.html');
    expect(page).toContain('<p>Pick <strong>Later today</strong>, <strong>Tomorrow</strong> or a date');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(\'xss-details\')&quot;&gt; stays text.');
    const picture = page.match(/<picture>[\s\S]*?<\/picture>/)?.[0] ?? '';
    expect(picture).toMatch(/<source srcset="[^"]+\.avif 400w, [^"]+ 720w, [^"]+ 1080w, [^"]+ 1440w"[^>]* type="image\/avif"/);
    expect(picture).toMatch(/type="image\/webp"/);
    expect(picture).toMatch(/<img [^>]*alt="The snooze menu with four preset times and a date picker\."/);
    expect(picture).toMatch(/loading="lazy"/);
    expect(picture).toMatch(/sizes="/);
    const meta = (name: string) => page.match(new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`))?.[1];
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toBe('Snooze reminders');
    expect(meta('og:url')).toBe(`${SITE}/changelog/snooze-reminders/`);
    expect(meta('og:description')).toMatch(/^Snooze a conversation and it comes back/);
    expect(meta('og:image')).toMatch(new RegExp(`^${SITE}/_astro/snooze-menu\\.[\\w-]+\\.png$`));
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:alt')).toBe('The snooze menu with four preset times and a date picker.');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:image')).toBe(meta('og:image'));
    // The share image is a real file of the site.
    expect(files()).toContain(meta('og:image')!.slice(`${SITE}/`.length));
    expect(files().filter((f) => /^_astro\/snooze-menu\..*\.(avif|webp)$/.test(f)).length).toBeGreaterThanOrEqual(8);
    // An entry without a picture has a plain card.
    expect(read('changelog/faster-search/index.html')).toContain('<meta name="twitter:card" content="summary">');
  });

  it('writes RSS, Atom and JSON Feed per category, linked from the category page', () => {
    for (const category of ['new', 'improved', 'fixed']) {
      const rss = parseRssFeed(read(`changelog/category/${category}/rss.xml`));
      const atom = parseAtomFeed(read(`changelog/category/${category}/atom.xml`));
      const json = parseJsonFeed(JSON.parse(read(`changelog/category/${category}/feed.json`)));
      const expected = { new: ['snooze-reminders'], improved: [], fixed: ['faster-search'] }[category]!.map((id) => `${SITE}/changelog/${id}/`);
      expect(rss.items?.map((i) => i.link) ?? [], category).toEqual(expected);
      expect(atom.entries?.map((e) => e.id) ?? [], category).toEqual(expected);
      expect(json.items?.map((i) => i.id) ?? [], category).toEqual(expected);
      const page = read(`changelog/category/${category}/index.html`);
      expect(page).toContain(`<link rel="alternate" type="application/atom+xml" title="Acme Helpdesk changelog: ${category[0]!.toUpperCase()}${category.slice(1)} (Atom)" href="${SITE}/changelog/category/${category}/atom.xml">`);
      expect(page).toContain(`href="${SITE}/changelog/category/${category}/feed.json"`);
    }
    const json = JSON.parse(read('changelog/feed.json')) as { items: { id: string; image?: string; content_html: string }[] };
    const snooze = json.items.find((i) => i.id.endsWith('/snooze-reminders/'))!;
    expect(snooze.image).toMatch(new RegExp(`^${SITE}/_astro/snooze-menu\\.`));
    expect(snooze.content_html).toContain('<p>Pick <strong>Later today</strong>');
  });

  it('writes one Atom entry per self-hosted release, listing what it carries', () => {
    const atom = parseAtomFeed(read('changelog/releases/feed.xml'));
    expect(atom.entries!.map((e) => e.id)).toEqual([`${SITE}/changelog/releases/2026.10/`]);
    expect(atom.entries![0]!.content?.value).toContain(`<a href="${SITE}/changelog/snooze-reminders/">Snooze reminders</a> (New)`);
    expect(read('changelog/releases/index.html')).toContain(`<link rel="alternate" type="application/atom+xml" title="Acme Helpdesk self-hosted releases (Atom)" href="${SITE}/changelog/releases/feed.xml">`);
  });

  it('shows the roadmap: the opted-in feature\'s title and text under "Coming soon", nothing else', () => {
    const page = read('roadmap/index.html');
    const main = page.match(/<main[\s\S]*<\/main>/)![0];
    expect(main).toContain('<h2 id="coming-soon">Coming soon</h2>');
    expect([...main.matchAll(/<li class="roadmap-item"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())).toEqual([
      'Shared inbox views Save a filtered inbox as a view and share it with your team.',
    ]);
    expect(page).not.toMatch(/2027|canary/i);
    expect(read('index.html')).toContain('href="/help/roadmap/"');
  });

  it('serves /widget.js under 5 KB gzipped, and a demo page that loads it with one tag', () => {
    const widget = readFileSync(path.join(first.siteDir, 'widget.js'));
    expect(gzipSync(widget, { level: 9 }).length).toBeLessThan(5 * 1024);
    expect(widget.toString()).toContain("new URL('changelog/feed.json', base)");
    const demo = read('widget/index.html');
    expect(demo).toContain('<script defer src="/help/widget.js"></script>');
    expect(demo).toContain(`&lt;script src=&quot;${SITE}/widget.js&quot; defer&gt;&lt;/script&gt;`);
  });
});

describe('the same content on and after the publish date', () => {
  let after: BuildResult;
  beforeAll(async () => {
    after = await runBuild({ content: fixture, out: path.join(tmp, 'after'), only: 'public', env, today: '2026-11-25' });
  });

  it('publishes the embargoed entry, its article, picture and release, dated the publish date', () => {
    expect(after.status).toBe(0);
    const at = (file: string) => readFileSync(path.join(after.siteDir, file), 'utf8');
    const page = at('changelog/canary-embargoed-feature/index.html');
    expect(page).toContain('CANARY-DETAILS-EMBARGOED');
    expect(page).toContain('<time datetime="2026-11-25">25 November 2026</time>');
    expect(page).toMatch(/<img [^>]*alt="CANARY-IMAGE-ALT-EMBARGOED"/);
    expect(at('docs/canary-embargoed-article/index.html')).toContain('CANARY-EMBARGOED-ARTICLE-BODY');
    expect(at('changelog/releases/2026.11/index.html')).toContain('CANARY-TITLE-EMBARGOED');
    const rss = parseRssFeed(at('changelog/rss.xml'));
    expect(rss.items![0]).toMatchObject({ link: `${SITE}/changelog/canary-embargoed-feature/` });
    expect(Date.parse(rss.items![0]!.pubDate!)).toBe(Date.parse('2026-11-25T00:00:00Z'));
    expect(parseAtomFeed(at('changelog/category/improved/atom.xml')).entries!.map((e) => e.id)).toEqual([`${SITE}/changelog/canary-embargoed-feature/`]);
    expect(at('sitemap-0.xml')).toContain(`${SITE}/changelog/canary-embargoed-feature/`);
    // Still nothing of the features that are not public, nor of the roadmap feature but its title and text.
    const everything = scanSite(after.siteDir).map((f) => `${f.file}\n${f.text}`).join('\n');
    for (const canary of ['CANARY-TITLE-BETA', 'CANARY-DETAILS-BETA', 'CANARY-IMAGE-ALT-BETA', 'CANARY-DETAILS-ROADMAP', 'CANARY-IMAGE-ALT-ROADMAP', 'canary-roadmap', 'CANARY-SUMMARY-EMBARGOED', 'CANARY-BODY-EMBARGOED']) {
      expect(everything, canary).not.toContain(canary);
    }
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
    // The embargoed public feature, marked on the preview and on its feature page.
    expect(preview).toContain('data-upcoming-entry="canary-embargoed-feature"');
    expect(preview).toContain('Embargoed until 25 Nov 2026');
    const feature = readFileSync(path.join(internal.siteDir, 'features/canary-embargoed-feature/index.html'), 'utf8');
    expect(feature).toContain('Embargoed until 25 Nov 2026');
    expect(feature).toContain('data-embargo="2026-11-25"');
    // ...while the public build has neither.
    expect(scanned.some((f) => f.text.includes('canary-beta-article') || f.text.includes('CANARY-ENTRY-BETA'))).toBe(false);
  });
});
