import type { Content, DocEntry } from '../../../engine/model.ts';
import { siteData } from './site-data.ts';

/**
 * Whether an article is on the public site, and if not, why: decided by the
 * public projection of the build's load (as of its today, so an embargo
 * lifts on its date), the same projection the public site is built from.
 */
export type ArticleState =
  | { kind: 'published' }
  | { kind: 'draft' }
  | { kind: 'waiting'; featureId: string; featureTitle: string; stageName: string };

const cache = new WeakMap<Content, Set<string>>();

export function articleState(content: Content, doc: DocEntry): ArticleState {
  let published = cache.get(content);
  if (!published) {
    published = new Set(siteData().publicProjection().articles.map((article) => article.id));
    cache.set(content, published);
  }
  if (published.has(doc.id)) return { kind: 'published' };
  if (!doc.data.ready) return { kind: 'draft' };
  const feature = doc.data.feature ? content.featureById.get(doc.data.feature) : undefined;
  return {
    kind: 'waiting',
    featureId: doc.data.feature ?? '',
    featureTitle: feature?.data.title ?? doc.data.feature ?? '',
    stageName: (feature && content.stageById.get(feature.data.stage)?.name) ?? 'unknown',
  };
}
