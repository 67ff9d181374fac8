import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../../views/public-paths.ts';
import { publicSiteUrl } from '../lib/data.ts';

// Generated rather than a file in public/public/ because the Sitemap line needs the configured site URL.
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(publicSiteUrl(), '/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
