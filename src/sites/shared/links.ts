import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { handbookRoute } from '../../engine/routes.ts';

/**
 * Content links between pages are relative file links (`./team.mdx#gary-mcgrath`,
 * `../features/x.mdx`): they work on GitHub, and the validator's
 * `handbook-link` rule checks them. At build time this plugin turns them
 * into the site's routes. `routeFor` decides per site what a file maps to
 * (null leaves the link alone).
 */
export type RouteFor = (absoluteFile: string) => string | null;

export function rewriteContentLinks(routeFor: RouteFor) {
  const siteUrl = (url: string, fileURL: URL | string | undefined): string | undefined => {
    if (!fileURL || !/^\.{1,2}\//.test(url)) return undefined;
    const hashAt = url.indexOf('#');
    const file = hashAt >= 0 ? url.slice(0, hashAt) : url;
    const hash = hashAt >= 0 ? url.slice(hashAt) : '';
    if (!/\.mdx?$/.test(file)) return undefined;
    const route = routeFor(path.resolve(path.dirname(fileURLToPath(fileURL)), file));
    return route ? route + hash : undefined;
  };
  return defineMdastPlugin({
    name: 'shiplog-rewrite-content-links',
    link(node, ctx) {
      const url = siteUrl(node.url, ctx.fileURL);
      if (url) ctx.setProperty(node, 'url', url);
    },
    // Reference-style links: `[Gary][gary]` … `[gary]: ./team.mdx#gary-mcgrath`.
    definition(node, ctx) {
      const url = siteUrl(node.url, ctx.fileURL);
      if (url) ctx.setProperty(node, 'url', url);
    },
  });
}

/** Where each content file lives on the internal site. */
export function internalRouteFor(contentRoot: string): RouteFor {
  return (absolute) => {
    const relative = path.relative(contentRoot, absolute).split(path.sep).join('/');
    const match = /^(handbook|features|docs)\/(.+)\.mdx?$/.exec(relative);
    if (!match) return null;
    const [, folder, id] = match as unknown as [string, string, string];
    if (folder === 'handbook') return handbookRoute(id);
    return `/${folder}/${id}/`;
  };
}

/** On the public site only articles have pages; a link to anything else is left for the validator to flag. */
export function publicRouteFor(contentRoot: string): RouteFor {
  return (absolute) => {
    const relative = path.relative(contentRoot, absolute).split(path.sep).join('/');
    const match = /^docs\/(.+)\.mdx?$/.exec(relative);
    return match ? `/docs/${match[1]}/` : null;
  };
}
