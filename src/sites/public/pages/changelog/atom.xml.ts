import type { APIRoute } from 'astro';
import { publicData, publicSiteUrl } from '../../lib/data.ts';
import { changelogFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = () =>
  new Response(changelogFeed(publicData(), publicSiteUrl(), 'atom'), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
