import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { resolveLink, type LinkTarget } from '../../engine/links.ts';
import { handbookRoute } from '../../engine/routes.ts';

/**
 * Content links between pages are relative file links (`./team.mdx#gary-mcgrath`,
 * `../features/x.mdx`): they work on GitHub, and the validator's
 * `handbook-link` rule checks them. At build time this plugin turns them
 * into the site's addresses. Where a link goes is decided once, by the
 * engine's `resolveLink` (the rule uses the same function); each site only
 * says which address a target has on it:
 *
 * - a string: the link's new URL (the link's own `#fragment` is kept);
 * - null: the target must not be linked (the link becomes its text; a
 *   reference definition points at `fallback`);
 * - undefined: the link is left as written.
 */
export type AddressOf = (target: LinkTarget, url: string) => string | null | undefined;

export function contentLinks(options: { name: string; contentRoot: string; addressOf: AddressOf; fallback?: string }) {
  const resolve = (url: string, fileURL: URL | undefined): string | null | undefined => {
    if (!fileURL) return undefined;
    const from = path.relative(options.contentRoot, fileURLToPath(fileURL)).split(path.sep).join('/');
    const address = options.addressOf(resolveLink(url, from), url);
    if (typeof address !== 'string') return address;
    const hashAt = url.indexOf('#');
    return hashAt >= 0 && !address.includes('#') ? address + url.slice(hashAt) : address;
  };
  return defineMdastPlugin({
    name: options.name,
    link(node, ctx) {
      const address = resolve(node.url, ctx.fileURL);
      if (address === null) ctx.replaceNode(node, [...node.children]);
      else if (address !== undefined && address !== node.url) ctx.setProperty(node, 'url', address);
    },
    // Reference-style links: `[Gary][gary]` … `[gary]: ./team.mdx#gary-mcgrath`.
    definition(node, ctx) {
      const address = resolve(node.url, ctx.fileURL);
      if (address === null) {
        if (options.fallback) ctx.setProperty(node, 'url', options.fallback);
      } else if (address !== undefined && address !== node.url) ctx.setProperty(node, 'url', address);
    },
  });
}

/** Where each content page lives on the internal site. */
export function internalAddress(target: LinkTarget): string | undefined {
  if (target.kind !== 'page') return undefined;
  if (target.collection === 'handbook') return handbookRoute(target.id);
  return `/${target.collection}/${target.id}/`;
}

/** The internal site's link plugin. */
export function internalContentLinks(contentRoot: string) {
  return contentLinks({ name: 'shiplog-internal-content-links', contentRoot, addressOf: internalAddress });
}
