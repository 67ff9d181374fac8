import type { APIRoute } from 'astro';
import { publicData, publicSiteUrl } from '../../lib/data.ts';
import { changelogFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = () =>
  new Response(changelogFeed(publicData(), publicSiteUrl(), 'json'), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
