import { Feed } from 'feed';
import { changelogPlainText, renderChangelogText } from '../../../views/changelog-text.ts';
import type { PublicProjection } from '../../../views/public.ts';
import { absoluteUrl, publicPaths } from '../../../views/public-paths.ts';
import { categoryLabels, siteName } from './site.ts';

/**
 * The changelog as RSS 2.0, Atom 1.0 and JSON Feed 1.1, made with `feed`.
 * Nothing in a feed depends on when it was built: an entry's id is its
 * permalink (stable across rebuilds, so readers never see an entry twice),
 * its date is the day it became public, and the feed's own "updated" date is
 * the newest entry's, so the same content always gives the same bytes.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

export function changelogFeed(projection: PublicProjection, siteUrl: string, format: FeedFormat): string {
  const url = (path: string) => absoluteUrl(siteUrl, path);
  // `feed` marks Atom titles and summaries type="html", and RSS descriptions are
  // HTML: text going there is escaped, so "<script>" written in an entry stays
  // text in every reader. JSON Feed's title and summary are plain text.
  const asHtml = (text: string) => (format === 'json' ? text : escapeHtml(text));
  const newest = projection.changelog[0]?.date;
  const feed = new Feed({
    title: `${siteName} changelog`,
    description: `New features, improvements and fixes in ${siteName}.`,
    id: url(publicPaths.changelog),
    link: url(publicPaths.changelog),
    language: 'en',
    // With no entries there is no date to use; the epoch keeps the output stable.
    updated: new Date(`${newest ?? '1970-01-01'}T00:00:00Z`),
    generator: false,
    feedLinks: { rss: url(publicPaths.rss), atom: url(publicPaths.atom), json: url(publicPaths.json) },
    favicon: url('/favicon.svg'),
    copyright: siteName,
  });
  for (const entry of projection.changelog) {
    const article = entry.article
      ? `<p><a href="${url(publicPaths.article(entry.article.id))}">Read the article: ${escapeHtml(entry.article.title)}</a></p>`
      : '';
    const date = new Date(`${entry.date}T00:00:00Z`);
    feed.addItem({
      title: format === 'atom' ? escapeHtml(entry.title) : entry.title,
      id: url(publicPaths.entry(entry.id)),
      link: url(publicPaths.entry(entry.id)),
      date,
      published: date,
      description: asHtml(changelogPlainText(entry.text)),
      content: renderChangelogText(entry.text) + article,
      category: [{ name: categoryLabels[entry.category], term: entry.category }],
    });
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return jsonFeed11(feed);
}

/**
 * `feed` writes JSON Feed 1.0. 1.1 only adds `language` and `authors` and
 * bumps the version URL, so the library's output is upgraded here rather
 * than the feed hand-written.
 */
function jsonFeed11(feed: Feed): string {
  const { version: _v1, author, items, ...rest } = JSON.parse(feed.json1()) as Record<string, unknown>;
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    ...rest,
    ...(feed.options.language ? { language: feed.options.language } : {}),
    ...(author ? { authors: [author] } : {}),
    items,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
