import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import type { PublicProjection } from '../../src/views/public.ts';
import { changelogFeed } from '../../src/sites/public/lib/feeds.ts';

const SITE = 'https://changelog.example.com';

const projection: PublicProjection = {
  changelog: [
    {
      id: 'q-and-a',
      title: 'Q&A <b>threads</b>',
      category: 'improved',
      text: 'Ask & answer <script>alert(1)</script> in **threads**.',
      date: '2026-11-02',
      release: undefined,
      article: { id: 'threads', title: 'Threads & you' },
    },
    { id: 'older', title: 'Older', category: 'fixed', text: 'Fixed.', date: '2026-10-01', release: '2026.10', article: undefined },
  ],
  articles: [],
  releases: [],
};

describe('changelog feeds', () => {
  it('keep titles and summaries as text in every format, never live HTML', () => {
    const rss = parseRssFeed(changelogFeed(projection, SITE, 'rss'));
    expect(rss.items![0]!.title).toBe('Q&A <b>threads</b>');
    expect(rss.items![0]!.description).toBe('Ask &#38; answer &#60;script&#62;alert(1)&#60;/script&#62; in threads.');
    expect(rss.items![0]!.content?.encoded).toBe(
      '<p>Ask &amp; answer &lt;script&gt;alert(1)&lt;/script&gt; in <strong>threads</strong>.</p><p><a href="https://changelog.example.com/docs/threads/">Read the article: Threads &#38; you</a></p>',
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
    const empty = changelogFeed({ changelog: [], articles: [], releases: [] }, SITE, 'atom');
    expect(parseAtomFeed(empty).updated).toBe('1970-01-01T00:00:00.000Z');
  });
});
