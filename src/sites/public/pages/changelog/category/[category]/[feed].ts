import type { APIRoute, GetStaticPaths } from 'astro';
import { publicData, publicSiteUrl } from '../../../../lib/data.ts';
import { feedImages } from '../../../../lib/entry-images.ts';
import { changelogFeed, type FeedFormat } from '../../../../lib/feeds.ts';
import { categories, type Category } from '../../../../lib/site.ts';

/** /changelog/category/<category>/rss.xml, atom.xml and feed.json: a feed per audience. */
const formats = {
  'rss.xml': { format: 'rss', type: 'application/rss+xml' },
  'atom.xml': { format: 'atom', type: 'application/atom+xml' },
  'feed.json': { format: 'json', type: 'application/feed+json' },
} as const satisfies Record<string, { format: FeedFormat; type: string }>;

export const getStaticPaths = (() =>
  categories.flatMap((category) => Object.keys(formats).map((feed) => ({ params: { category, feed } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { format, type } = formats[params.feed as keyof typeof formats];
  const body = changelogFeed(publicData(), publicSiteUrl(), format, { category: params.category as Category, images: await feedImages() });
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
