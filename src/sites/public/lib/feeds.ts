import { Feed } from 'feed';
import { changelogPlainText, renderChangelogText } from '../../../views/changelog-text.ts';
import type { PublicChangelogEntry, PublicProjection, PublicRelease } from '../../../views/public.ts';
import { absoluteUrl, publicPaths } from '../../../views/public-paths.ts';
import { categoryLabels, siteName, type Category } from './site.ts';

/**
 * The changelog as RSS 2.0, Atom 1.0 and JSON Feed 1.1, made with `feed`:
 * the whole changelog, one set per category, and the self-hosted releases.
 * Nothing in a feed depends on when it was built: an entry's id is its
 * permalink (stable across rebuilds, so readers never see an entry twice),
 * its date is the day it became public, and the feed's own "updated" date is
 * the newest entry's, so the same content always gives the same bytes.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** An entry's picture as the build published it: an absolute URL of a resized copy. */
export interface FeedImage {
  url: string;
  alt: string;
}

export interface FeedOptions {
  /** Only this category's entries, with the category's own title and feed links. */
  category?: Category | undefined;
  /** Pictures by entry id (astro:assets decides their URLs, so the page passes them in). */
  images?: ReadonlyMap<string, FeedImage> | undefined;
}

export function changelogFeed(projection: PublicProjection, siteUrl: string, format: FeedFormat, options: FeedOptions = {}): string {
  const url = (path: string) => absoluteUrl(siteUrl, path);
  const { category } = options;
  const entries = category ? projection.changelog.filter((entry) => entry.category === category) : projection.changelog;
  const feed = newFeed(siteUrl, {
    title: category ? `${siteName} changelog: ${categoryLabels[category]}` : `${siteName} changelog`,
    description: category ? `${categoryLabels[category]} in ${siteName}.` : `New features, improvements and fixes in ${siteName}.`,
    page: category ? publicPaths.category(category) : publicPaths.changelog,
    newest: entries[0]?.date,
    feedLinks: category
      ? { rss: url(publicPaths.categoryFeed(category, 'rss')), atom: url(publicPaths.categoryFeed(category, 'atom')), json: url(publicPaths.categoryFeed(category, 'json')) }
      : { rss: url(publicPaths.rss), atom: url(publicPaths.atom), json: url(publicPaths.json) },
  });
  // `feed` marks Atom titles and summaries type="html", and RSS descriptions are
  // HTML: text going there is escaped, so "<script>" written in an entry stays
  // text in every reader. JSON Feed's title and summary are plain text.
  const asHtml = (text: string) => (format === 'json' ? text : escapeHtml(text));
  for (const entry of entries) {
    const image = options.images?.get(entry.id);
    const date = new Date(`${entry.date}T00:00:00Z`);
    feed.addItem({
      title: format === 'atom' ? escapeHtml(entry.title) : entry.title,
      id: url(publicPaths.entry(entry.id)),
      link: url(publicPaths.entry(entry.id)),
      date,
      published: date,
      description: asHtml(changelogPlainText(entry.text)),
      content: entryHtml(entry, url, image),
      category: [{ name: categoryLabels[entry.category], term: entry.category }],
      ...(image ? { image: image.url } : {}),
    });
  }
  return serialize(feed, format);
}

/**
 * One Atom entry per monthly self-hosted release, listing what it carries,
 * so self-hosted customers can follow their upgrades. A release's date is its
 * newest entry's: adding a change to a release moves it up, as it should.
 */
export function releasesFeed(projection: PublicProjection, siteUrl: string): string {
  const url = (path: string) => absoluteUrl(siteUrl, path);
  const newestOf = (release: PublicRelease) => release.entries.reduce((newest, entry) => (entry.date > newest ? entry.date : newest), '0000-01-01');
  const releases = [...projection.releases].sort((a, b) => newestOf(b).localeCompare(newestOf(a)) || b.id.localeCompare(a.id));
  const feed = newFeed(siteUrl, {
    title: `${siteName} self-hosted releases`,
    description: `What each monthly self-hosted release of ${siteName} carries.`,
    page: publicPaths.releases,
    newest: releases[0] ? newestOf(releases[0]) : undefined,
    feedLinks: { atom: url(publicPaths.releasesFeed) },
  });
  for (const release of releases) {
    const date = new Date(`${newestOf(release)}T00:00:00Z`);
    const items = release.entries
      .map((entry) => `<li><a href="${url(publicPaths.entry(entry.id))}">${escapeHtml(entry.title)}</a> (${categoryLabels[entry.category]})${renderChangelogText(entry.text)}</li>`)
      .join('');
    feed.addItem({
      title: `Release ${release.id}`,
      id: url(publicPaths.release(release.id)),
      link: url(publicPaths.release(release.id)),
      date,
      description: escapeHtml(`${release.entries.length} ${release.entries.length === 1 ? 'change' : 'changes'}: ${release.entries.map((e) => e.title).join(', ')}.`),
      content: `<p>Release ${release.id} carries:</p><ul>${items}</ul>`,
    });
  }
  return feed.atom1();
}

function newFeed(
  siteUrl: string,
  options: { title: string; description: string; page: string; newest: string | undefined; feedLinks: Record<string, string> },
): Feed {
  const url = (path: string) => absoluteUrl(siteUrl, path);
  return new Feed({
    title: options.title,
    description: options.description,
    id: url(options.page),
    link: url(options.page),
    language: 'en',
    // With no entries there is no date to use; the epoch keeps the output stable.
    updated: new Date(`${options.newest ?? '1970-01-01'}T00:00:00Z`),
    generator: false,
    feedLinks: options.feedLinks,
    favicon: url('/favicon.svg'),
    copyright: siteName,
  });
}

/** The entry as its page shows it: text, picture, details (both Markdown, rendered safely), the article link. */
function entryHtml(entry: PublicChangelogEntry, url: (path: string) => string, image: FeedImage | undefined): string {
  const article = entry.article
    ? `<p><a href="${url(publicPaths.article(entry.article.id))}">Read the article: ${escapeHtml(entry.article.title)}</a></p>`
    : '';
  const picture = image ? `<p><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" /></p>` : '';
  const details = entry.details ? renderChangelogText(entry.details) : '';
  return renderChangelogText(entry.text) + picture + details + article;
}

function serialize(feed: Feed, format: FeedFormat): string {
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
