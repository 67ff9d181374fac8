import { contentLinks } from '../../shared/links.ts';
import { publicPaths, siteHref } from '../../../views/public-paths.ts';

/**
 * Links inside published articles, for the public site. A relative link to
 * another article's `.mdx` file becomes that article's address; a link to an
 * article that is not published (a draft, or one waiting for its feature)
 * is unwrapped to its text, because its file name already names a feature
 * customers must not hear about yet and the page would be a 404 anyway, and
 * so is a link to any other content page. Site paths such as `/changelog/`
 * get the base path of the site URL. (What an article may link to at all is
 * the `article-code` rule's, which the public projection enforces before an
 * article gets here.)
 */
export function publicContentLinks(options: { contentRoot: string; publishedArticleIds: ReadonlySet<string>; siteUrl: string }) {
  return contentLinks({
    name: 'shiplog-public-content-links',
    contentRoot: options.contentRoot,
    // A reference definition to an unpublished article sends its links to the articles index.
    fallback: siteHref(options.siteUrl, publicPaths.docs),
    addressOf(target, url) {
      switch (target.kind) {
        case 'page':
          return target.collection === 'docs' && options.publishedArticleIds.has(target.id) ? siteHref(options.siteUrl, publicPaths.article(target.id)) : null;
        case 'generated':
        case 'unknown-site-path':
          return siteHref(options.siteUrl, url.split('#')[0]!);
        default:
          return undefined;
      }
    },
  });
}
