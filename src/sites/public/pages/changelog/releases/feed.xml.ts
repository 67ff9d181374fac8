import type { APIRoute } from 'astro';
import { publicData, publicSiteUrl } from '../../../lib/data.ts';
import { releasesFeed } from '../../../lib/feeds.ts';

export const GET: APIRoute = () =>
  new Response(releasesFeed(publicData(), publicSiteUrl()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
