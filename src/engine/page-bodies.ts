import { anchorsOf, imagesOf, linksOf, type BodyOutline } from './links.ts';
import { checkBody, mayHoldCode, parseBody, type BodyError, type BodyParse } from './mdx-body.ts';
import type { ContentFile } from './model.ts';
import { bodyFormat } from './source.ts';

/**
 * The parsed bodies of one validation run: each body is parsed at most once,
 * whichever rules ask for it (`mdx-syntax`, `article-code`, `handbook-link`),
 * and its tree is built only when a rule needs to look inside.
 */
export class PageBodies {
  readonly #parsed = new Map<ContentFile, BodyParse>();
  readonly #outlines = new Map<ContentFile, BodyOutline | undefined>();

  /** The body's tree, or why there is none. Undefined for a file without a body. */
  parse(file: ContentFile): BodyParse | undefined {
    if (!file.body) return undefined;
    let parsed = this.#parsed.get(file);
    if (!parsed) this.#parsed.set(file, (parsed = parseBody(file.body.text, bodyFormat(file.source))));
    return parsed;
  }

  /**
   * Why the body does not compile, if it does not. A feature body that
   * cannot hold code is only run through the parser, without building its
   * tree; handbook pages and articles get their tree at once, since
   * `handbook-link` reads every one of them.
   */
  error(file: ContentFile): BodyError | undefined {
    if (!file.body) return undefined;
    const parsed = this.#parsed.get(file);
    if (parsed) return parsed.ok ? undefined : parsed.error;
    if (file.source.kind !== 'feature' || mayHoldCode(file.body.text)) {
      const full = this.parse(file)!;
      return full.ok ? undefined : full.error;
    }
    return checkBody(file.body.text, bodyFormat(file.source));
  }

  /** The links and anchors of a body; undefined when it does not compile. */
  outline(file: ContentFile): BodyOutline | undefined {
    if (this.#outlines.has(file)) return this.#outlines.get(file);
    const parsed = this.parse(file);
    const outline = parsed?.ok ? { links: linksOf(parsed.tree), anchors: anchorsOf(parsed.tree), images: imagesOf(parsed.tree) } : undefined;
    this.#outlines.set(file, outline);
    return outline;
  }
}
