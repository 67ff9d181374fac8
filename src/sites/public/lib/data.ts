import type { EngineEntry } from '../../integration/content-loader.ts';
import { currentSettings } from '../../integration/settings.ts';
import { siteLoad } from '../../integration/site-load.ts';
import type { PublicProjection } from '../../../views/public.ts';

/**
 * The public site's only door to the content. It hands back the public
 * projection of the build's one load, and the published articles' files for
 * the content collection: the full content (owners, flags, bugs, bodies,
 * features that are not public) goes out of scope right here, so no page,
 * component or endpoint of the public site can reach it.
 * test/public/boundary.test.ts checks that nothing under src/sites/public/
 * imports the loader or the content model except this file.
 */
export function publicData(): PublicProjection {
  return siteLoad().publicProjection();
}

/** The site's public address (with its base path), from the shiplog() integration's settings. */
export function publicSiteUrl(): string {
  return currentSettings().publicUrl;
}

/** Ids of the articles the public site publishes. */
export function publishedArticleIds(): Set<string> {
  return new Set(publicData().articles.map((article) => article.id));
}

/** The files of the published articles, and nothing else, for the `articles` collection. */
export function publishedArticleEntries(): EngineEntry[] {
  const published = publishedArticleIds();
  return siteLoad().content.docs.filter((doc) => published.has(doc.id));
}
