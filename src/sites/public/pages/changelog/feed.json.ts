import type { APIRoute } from 'astro';
import { publicData, publicSiteUrl } from '../../lib/data.ts';
import { feedImages } from '../../lib/entry-images.ts';
import { changelogFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () =>
  new Response(changelogFeed(publicData(), publicSiteUrl(), 'json', { images: await feedImages() }), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
