/**
 * The public site's stable URLs, in one place: pages link with them, feeds
 * use them as entry ids, and `npm run changelog` prints them. A permalink
 * that changes breaks customers' bookmarks and makes feed readers show old
 * entries as new, so these only ever gain routes.
 */

const feedFiles = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

export const publicPaths = {
  home: '/',
  changelog: '/changelog/',
  entry: (featureId: string) => `/changelog/${featureId}/`,
  category: (category: string) => `/changelog/category/${category}/`,
  /** A category's own feeds, for readers who follow only fixes, say. */
  categoryFeed: (category: string, format: 'rss' | 'atom' | 'json') => `/changelog/category/${category}/${feedFiles[format]}`,
  releases: '/changelog/releases/',
  release: (release: string) => `/changelog/releases/${release}/`,
  /** One Atom entry per monthly self-hosted release. */
  releasesFeed: '/changelog/releases/feed.xml',
  rss: '/changelog/rss.xml',
  atom: '/changelog/atom.xml',
  json: '/changelog/feed.json',
  roadmap: '/roadmap/',
  /** The embeddable "what's new" script, and the page that shows it. */
  widget: '/widget.js',
  widgetDemo: '/widget/',
  docs: '/docs/',
  article: (articleId: string) => `/docs/${articleId}/`,
  search: '/search/',
} as const;

/** Path segments under /changelog/ that are pages of their own, so no feature id may take them. */
export const reservedChangelogSegments = ['category', 'releases', 'rss.xml', 'atom.xml', 'feed.json'] as const;

/** `siteUrl` may carry a path (https://example.com/help/); site paths are resolved under it. */
export function absoluteUrl(siteUrl: string, sitePath: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(sitePath.replace(/^\//, ''), base).href;
}

/** The path prefix the site is served under: "/" for https://example.com, "/help/" for https://example.com/help. */
export function basePath(siteUrl: string): string {
  const pathname = new URL(siteUrl).pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** A site path as a link on the site itself, under the base path. */
export function siteHref(siteUrl: string, sitePath: string): string {
  return basePath(siteUrl) + sitePath.replace(/^\//, '');
}
