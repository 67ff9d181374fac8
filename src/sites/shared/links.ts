import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { isDeclaredExternal, linkFilesOf, resolveLink, type LinkFiles, type LinkTarget } from '../../engine/links.ts';
import { handbookRoute } from '../../engine/routes.ts';
import { currentSettings } from '../integration/settings.ts';
import { siteLoad } from '../integration/site-load.ts';

/**
 * Content links between pages are relative file links (`./team.mdx#gary-mcgrath`,
 * `../people/swag.md`, `../features/x.mdx`, `./Okta/`): they work on GitHub,
 * and the validator's `handbook-link` rule checks them. At build time this
 * plugin turns them into the site's addresses. Where a link goes is decided
 * once, by the engine's `resolveLink` (the rule uses the same function, with
 * the same files when `files` is given); each site only says which address a
 * target has on it:
 *
 * - a string: the link's new URL (the link's own `#fragment` is kept);
 * - null: the target must not be linked (the link becomes its text; a
 *   reference definition points at `fallback`);
 * - undefined: the link is left as written.
 */
export type AddressOf = (target: LinkTarget, url: string) => string | null | undefined;

export function contentLinks(options: { name: string; contentRoot: string; addressOf: AddressOf; fallback?: string; files?: () => LinkFiles }) {
  const resolve = (url: string, fileURL: URL | undefined): string | null | undefined => {
    if (!fileURL) return undefined;
    const from = path.relative(options.contentRoot, fileURLToPath(fileURL)).split(path.sep).join('/');
    const files = options.files?.();
    if (files && isDeclaredExternal(url, files.externalPrefixes)) return undefined;
    const address = options.addressOf(resolveLink(url, from, files), url);
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
  if (target.collection === 'handbook') return encodeURI(handbookRoute(target.id));
  return `/${target.collection}/${target.id}/`;
}

/**
 * The internal site's link plugin. It resolves links with the files of the
 * build's one load (siteLoad), as the validator does: `./team` is team.md,
 * `./people/` the folder's page. A link to a file beside the pages (a PDF)
 * goes to the file in the repository, since the site publishes pages only.
 */
export function internalContentLinks(contentRoot: string) {
  // One index per load: the dev server loads the content again after every change.
  const indexes = new WeakMap<object, LinkFiles>();
  const files = () => {
    const { content } = siteLoad();
    let index = indexes.get(content);
    if (!index) indexes.set(content, (index = linkFilesOf(content)));
    return index;
  };
  return contentLinks({
    name: 'shiplog-internal-content-links',
    contentRoot,
    files,
    addressOf: (target) => (target.kind === 'asset' ? repositoryAddress(contentRoot, target.file) : internalAddress(target)),
  });
}

/** A content file's address in the repository's web view, when the content root is inside the repository. */
function repositoryAddress(contentRoot: string, file: string): string | undefined {
  const { repoRoot, repoUrl } = currentSettings();
  const relative = path.relative(repoRoot, path.join(contentRoot, file)).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return `${repoUrl}/blob/HEAD/${relative.split('/').map(encodeURIComponent).join('/')}`;
}
