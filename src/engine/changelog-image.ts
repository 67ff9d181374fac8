import path from 'node:path';
import { relativeImageProblem } from './links.ts';
import type { AssetKind } from './content-files.ts';

/**
 * A feature's `changelog.image.src`: a path relative to the feature page, to
 * a picture inside the content root. The validator (`handbook-link`, the rule
 * that already checks a feature body's relative images) and the public
 * projection ask the same question here, so the build refuses exactly what
 * `validate` reports, even when `validate` was skipped or the rule switched off.
 */

/** Raster formats only: they are converted to AVIF/WebP at several widths, and previewed by chat apps as og:image. */
const RASTER: ReadonlySet<AssetKind> = new Set(['png', 'jpeg', 'gif', 'webp', 'avif']);
/** Vite imports an image by its extension, so the name must say what the bytes are. */
const EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);

export type ChangelogImage = { ok: true; file: string } | { ok: false; problem: string };

/**
 * Where `src`, written on `features/<featureId>.mdx`, points, as a path from
 * the content root, or why the site cannot publish it.
 */
export function changelogImage(src: string, featureId: string, assets: ReadonlyMap<string, AssetKind>): ChangelogImage {
  const page = `features/${featureId}.mdx`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\')) {
    return { ok: false, problem: `The image "${src}" is not a path relative to this page: the site publishes only pictures from the content root.` };
  }
  // A file path, not a URL: no query, fragment or percent-encoding, so the file checked is the file the build reads.
  if (/[?#%\\]/.test(src)) return { ok: false, problem: `The image "${src}" is not a plain file path (it has "?", "#", "%" or "\\").` };
  const problem = relativeImageProblem(src, page, assets);
  if (problem) return { ok: false, problem };
  const file = path.posix.normalize(path.posix.join('features', src));
  // relativeImageProblem has refused anything that is not an image by its contents, so the one left is SVG.
  if (!RASTER.has(assets.get(file)!)) {
    return { ok: false, problem: `The image "${src}" is an SVG: a changelog picture must be PNG, JPEG, GIF, WebP or AVIF, so it can be resized and previewed when shared.` };
  }
  if (!EXTENSIONS.has(path.posix.extname(file).toLowerCase())) {
    return { ok: false, problem: `The image "${src}" is not named as a picture (${[...EXTENSIONS].join(', ')}).` };
  }
  return { ok: true, file };
}

export const CHANGELOG_IMAGE_HINT =
  'Put the picture (PNG, JPEG, GIF, WebP or AVIF) beside the feature page in content/features/ and write `src: ./picture.png` under changelog.image.';
