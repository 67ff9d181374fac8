import { getImage } from 'astro:assets';
import { getCollection } from 'astro:content';
import type { ImageMetadata } from 'astro';
import type { PublicProjection } from '../../../views/public.ts';
import { publicData, publicSiteUrl } from './data.ts';
import type { FeedImage } from './feeds.ts';

/** A published entry's picture, through astro:assets. */
export interface EntryImage {
  src: ImageMetadata;
  alt: string;
}

/** Read once per projection (every changelog page and feed asks), so once per build. */
const imagesByProjection = new WeakMap<PublicProjection, Promise<Map<string, EntryImage>>>();

/** Pictures of the published entries, by entry id (the `entryImages` collection, built from the projection). */
export function entryImages(): Promise<Map<string, EntryImage>> {
  const projection = publicData();
  let images = imagesByProjection.get(projection);
  if (!images) {
    images = readEntryImages(projection);
    imagesByProjection.set(projection, images);
  }
  return images;
}

async function readEntryImages(projection: PublicProjection): Promise<Map<string, EntryImage>> {
  // Astro warns on a read of an empty collection: no pictures, no read.
  if (!projection.changelog.some((entry) => entry.image)) return new Map();
  // `as never`: the generated collection types (.astro/) are the internal site's, which has no such collection.
  const images = (await getCollection('entryImages' as never)) as unknown as { id: string; data: EntryImage }[];
  return new Map(images.map((image) => [image.id, { src: image.data.src, alt: image.data.alt }]));
}

/** The size chat apps and social networks preview at (1200 wide), never larger than the original. */
const SHARE_WIDTH = 1200;

/**
 * A copy for link previews (og:image) and feed readers: JPEG or PNG, which
 * every previewer reads (not all read AVIF or WebP); PNG unless the original
 * is a JPEG, so transparency is kept.
 */
export async function shareImage(image: EntryImage): Promise<FeedImage & { width: number; height: number }> {
  const width = Math.min(SHARE_WIDTH, image.src.width);
  const result = await getImage({ src: image.src, width, format: image.src.format === 'jpg' || image.src.format === 'jpeg' ? 'jpeg' : 'png' });
  return {
    // Astro's URL already carries the base path: resolve it against the origin only.
    url: new URL(result.src, publicSiteUrl()).href,
    alt: image.alt,
    width: Number(result.attributes.width ?? width),
    height: Number(result.attributes.height ?? Math.round((image.src.height * width) / image.src.width)),
  };
}

/** Share-size pictures of every published entry that has one, for the feeds. */
export async function feedImages(): Promise<Map<string, FeedImage>> {
  const images = await entryImages();
  return new Map(await Promise.all([...images].map(async ([id, image]) => [id, await shareImage(image)] as const)));
}
