import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import type { PublicProjection } from '../../src/views/public.ts';
import { changelogFeed, releasesFeed } from '../../src/sites/public/lib/feeds.ts';

const SITE = 'https://changelog.example.com';

const projection: PublicProjection = {
  changelog: [
    {
      id: 'q-and-a',
      title: 'Q&A <b>threads</b>',
      category: 'improved',
      text: 'Ask & answer <script>alert(1)</script> in **threads**.',
      details: 'More: <iframe src="https://evil.example"></iframe> and [a link](javascript:alert(2)).',
      image: { path: '/content/features/threads.png', alt: 'Threads "panel" <b>' },
      date: '2026-11-02',
      release: undefined,
      article: { id: 'threads', title: 'Threads & you' },
    },
    { id: 'older', title: 'Older', category: 'fixed', text: 'Fixed.', details: undefined, image: undefined, date: '2026-10-01', release: '2026.10', article: undefined },
  ],
  articles: [],
  releases: [],
  roadmap: undefined,
};
projection.releases.push({ id: '2026.10', entries: [projection.changelog[1]!] });

describe('changelog feeds', () => {
  it('keep titles and summaries as text in every format, never live HTML', () => {
    const rss = parseRssFeed(changelogFeed(projection, SITE, 'rss'));
    expect(rss.items![0]!.title).toBe('Q&A <b>threads</b>');
    expect(rss.items![0]!.description).toBe('Ask &#38; answer &#60;script&#62;alert(1)&#60;/script&#62; in threads.');
    expect(rss.items![0]!.content?.encoded).toBe(
      '<p>Ask &amp; answer &lt;script&gt;alert(1)&lt;/script&gt; in <strong>threads</strong>.</p><p>More: &lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt; and a link.</p><p><a href="https://changelog.example.com/docs/threads/">Read the article: Threads &#38; you</a></p>',
    );

    const atom = parseAtomFeed(changelogFeed(projection, SITE, 'atom'));
    expect(atom.entries![0]!.title).toMatchObject({ value: 'Q&#38;A &#60;b&#62;threads&#60;/b&#62;', type: 'html' });
    expect(atom.entries![0]!.summary).toMatchObject({ type: 'html' });
    expect(atom.entries![0]!.summary?.value).not.toMatch(/<script|<b>/);

    const json = parseJsonFeed(JSON.parse(changelogFeed(projection, SITE, 'json')));
    expect(json.items![0]!.title).toBe('Q&A <b>threads</b>');
    expect(json.items![0]!.summary).toBe('Ask & answer <script>alert(1)</script> in threads.');
    expect(json.items![0]!.content_html).not.toContain('<script>');
  });

  it('take every date from the entries, so a rebuild gives the same feed', () => {
    const once = ['rss', 'atom', 'json'].map((f) => changelogFeed(projection, SITE, f as 'rss'));
    const again = ['rss', 'atom', 'json'].map((f) => changelogFeed(projection, SITE, f as 'rss'));
    expect(again).toEqual(once);
    expect(parseAtomFeed(once[1]!).updated).toBe('2026-11-02T00:00:00.000Z');
    expect(parseRssFeed(once[0]!).lastBuildDate).toBe('Mon, 02 Nov 2026 00:00:00 GMT');
    const empty = changelogFeed({ changelog: [], articles: [], releases: [], roadmap: undefined }, SITE, 'atom');
    expect(parseAtomFeed(empty).updated).toBe('1970-01-01T00:00:00.000Z');
  });

  it('carry the picture and the details, rendered as safely as the text', () => {
    const images = new Map([['q-and-a', { url: `${SITE}/_astro/threads.abc.png`, alt: 'Threads "panel" <b>' }]]);
    const json = parseJsonFeed(JSON.parse(changelogFeed(projection, SITE, 'json', { images })));
    const html = json.items![0]!.content_html!;
    expect(html).toContain(`<img src="${SITE}/_astro/threads.abc.png" alt="Threads &#34;panel&#34; &#60;b&#62;" />`);
    expect(html).toContain('More: &lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt; and a link.');
    expect(html).not.toMatch(/<iframe|javascript:/);
    expect(json.items![0]!.image).toBe(`${SITE}/_astro/threads.abc.png`);
    expect(json.items![1]!.image).toBeUndefined();
  });

  it('per category: only its entries, with its own title and self links', () => {
    const atom = parseAtomFeed(changelogFeed(projection, SITE, 'atom', { category: 'fixed' }));
    expect(atom.entries!.map((e) => e.id)).toEqual([`${SITE}/changelog/older/`]);
    expect(atom.title).toMatchObject({ value: 'Acme Helpdesk changelog: Fixed' });
    expect(atom.links!.find((l) => l.rel === 'self')?.href).toBe(`${SITE}/changelog/category/fixed/atom.xml`);
    const rss = parseRssFeed(changelogFeed(projection, SITE, 'rss', { category: 'new' }));
    expect(rss.items ?? []).toEqual([]);
    expect(rss.link).toBe(`${SITE}/changelog/category/new/`);
    const json = parseJsonFeed(JSON.parse(changelogFeed(projection, SITE, 'json', { category: 'improved' })));
    expect(json.feed_url).toBe(`${SITE}/changelog/category/improved/feed.json`);
    expect(json.items!.map((i) => i.id)).toEqual([`${SITE}/changelog/q-and-a/`]);
  });

  it('for self-hosted releases: one Atom entry per release, listing its entries', () => {
    const atom = parseAtomFeed(releasesFeed(projection, SITE));
    expect(atom.entries!.map((e) => [e.id, e.updated])).toEqual([[`${SITE}/changelog/releases/2026.10/`, '2026-10-01T00:00:00.000Z']]);
    expect(atom.entries![0]!.title).toMatchObject({ value: 'Release 2026.10' });
    const content = atom.entries![0]!.content?.value ?? '';
    expect(content).toContain(`<li><a href="${SITE}/changelog/older/">Older</a> (Fixed)<p>Fixed.</p></li>`);
    expect(atom.links!.find((l) => l.rel === 'self')?.href).toBe(`${SITE}/changelog/releases/feed.xml`);
  });
});
