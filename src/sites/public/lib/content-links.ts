import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { publicPaths, siteHref } from '../../../views/public-paths.ts';

/**
 * Links inside published articles, for the public site. Like the shared
 * `rewriteContentLinks`, a relative link to another article's `.mdx` file
 * becomes that article's route; unlike it, a link to an article that is not
 * published (a draft, or one waiting for its feature) is unwrapped to its
 * text, because its file name already names a feature customers must not
 * hear about yet and the page would be a 404 anyway. Site paths such as
 * `/changelog/` get the base path of the site URL.
 *
 * It also refuses an article that imports anything from outside
 * content/docs/: an MDX import of a feature page, a handbook page or the
 * engine would put internal text on a public page, where the projection
 * cannot see it.
 */
export function publicContentLinks(options: { contentRoot: string; publishedArticleIds: ReadonlySet<string>; siteUrl: string }) {
  const docsDir = path.join(options.contentRoot, 'docs');
  /** The public URL for a link target; null for a content file that is not a published article. */
  const resolve = (url: string, fileURL: URL | undefined): string | null | undefined => {
    if (url.startsWith('/') && !url.startsWith('//')) return siteHref(options.siteUrl, url);
    if (!fileURL || !/^\.{1,2}\//.test(url)) return undefined;
    const hashAt = url.indexOf('#');
    const file = hashAt >= 0 ? url.slice(0, hashAt) : url;
    const hash = hashAt >= 0 ? url.slice(hashAt) : '';
    if (!/\.mdx?$/.test(file)) return undefined;
    const absolute = path.resolve(path.dirname(fileURLToPath(fileURL)), file);
    const relative = path.relative(docsDir, absolute).split(path.sep).join('/');
    const id = relative.replace(/\.mdx?$/, '');
    const published = !relative.startsWith('..') && !id.includes('/') && options.publishedArticleIds.has(id);
    return published ? siteHref(options.siteUrl, publicPaths.article(id)) + hash : null;
  };
  return defineMdastPlugin({
    name: 'shiplog-public-content-links',
    link(node, ctx) {
      const target = resolve(node.url, ctx.fileURL);
      if (target === null) ctx.replaceNode(node, [...node.children]);
      else if (target !== undefined && target !== node.url) ctx.setProperty(node, 'url', target);
    },
    mdxjsEsm(node, ctx) {
      if (!ctx.fileURL) return;
      const file = fileURLToPath(ctx.fileURL);
      for (const match of node.value.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!;
        const target = /^\.{1,2}\//.test(specifier) ? path.resolve(path.dirname(file), specifier) : undefined;
        const inDocs = target !== undefined && !path.relative(docsDir, target).startsWith('..');
        if (!inDocs) {
          throw new Error(
            `${path.relative(options.contentRoot, file)} imports "${specifier}": a published article may only import files in content/docs/, so nothing internal can reach the public site.`,
          );
        }
      }
    },
    // Reference-style links share one definition; an unpublished target sends them to the docs index.
    definition(node, ctx) {
      const target = resolve(node.url, ctx.fileURL);
      if (target === null) ctx.setProperty(node, 'url', siteHref(options.siteUrl, publicPaths.docs));
      else if (target !== undefined && target !== node.url) ctx.setProperty(node, 'url', target);
    },
  });
}
