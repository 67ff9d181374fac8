import type { CalendarDate } from '../engine/dates.ts';
import type { Content } from '../engine/model.ts';
import { isPublicStage } from '../engine/requirements.ts';
import { embargoOf, type PublicChangelogEntry } from './public.ts';

/**
 * What customers will see next, for the internal site: changelog entries of
 * features that are not public yet, and articles that are not published yet
 * (a draft, or ready but waiting for their feature). The public projection
 * never contains any of this; the internal site shows it marked as upcoming so
 * the docs writer and Growth can review the wording before launch.
 */

export interface UpcomingEntry {
  id: string;
  title: string;
  stage: { id: string; name: string };
  category: PublicChangelogEntry['category'];
  text: string;
  target: CalendarDate | undefined;
  release: string | undefined;
  article: { id: string; title: string; ready: boolean } | undefined;
  /** The `publish` date holding the entry back, for a feature that may already be public. */
  embargo: CalendarDate | undefined;
}

export interface UpcomingArticle {
  id: string;
  title: string;
  description: string;
  ready: boolean;
  /** The feature it documents; undefined for a general article still in draft. */
  feature: { id: string; title: string; stage: { id: string; name: string } } | undefined;
  /** Why it is not on the public site yet ('embargo': ready, its feature public, its entry's publish date not reached). */
  waitingFor: 'ready' | 'feature' | 'ready-and-feature' | 'embargo';
  embargo: CalendarDate | undefined;
}

export interface UpcomingPreview {
  entries: UpcomingEntry[];
  articles: UpcomingArticle[];
  /** Features past the first stage with no changelog entry yet: public release will need one. */
  unwritten: { id: string; title: string; stage: { id: string; name: string }; target: CalendarDate | undefined }[];
}

/** `today` decides embargoes as the public projection does (without it, every publish date still holds). */
export function upcomingPreview(content: Content, today?: CalendarDate): UpcomingPreview {
  // Not public yet: not in the last stage, or in it but embargoed.
  const upcoming = (feature: (typeof content.features)[number]) =>
    !isPublicStage(content, feature.data.stage) || embargoOf(feature, today) !== undefined;
  const stageOf = (id: string) => {
    const stage = content.stageById.get(id)!;
    return { id: stage.id, name: stage.name };
  };
  const entries: UpcomingEntry[] = content.features
    .filter((feature) => feature.data.changelog && upcoming(feature))
    .map((feature) => {
      const doc = feature.data.docs ? content.docById.get(feature.data.docs) : undefined;
      return {
        id: feature.id,
        title: feature.data.title,
        stage: stageOf(feature.data.stage),
        category: feature.data.changelog!.category,
        text: feature.data.changelog!.text,
        target: feature.data.target,
        release: feature.data.release,
        article: doc ? { id: doc.id, title: doc.data.title, ready: doc.data.ready } : undefined,
        embargo: embargoOf(feature, today),
      };
    })
    // Furthest along first (closest to customers), then by target date.
    .sort(
      (a, b) =>
        content.stageById.get(b.stage.id)!.index - content.stageById.get(a.stage.id)!.index ||
        (a.target ?? '9999').localeCompare(b.target ?? '9999') ||
        a.id.localeCompare(b.id),
    );

  const articles: UpcomingArticle[] = content.docs.flatMap((doc): UpcomingArticle[] => {
    const feature = doc.data.feature ? content.featureById.get(doc.data.feature) : undefined;
    const featurePublic = feature ? isPublicStage(content, feature.data.stage) : doc.data.feature === undefined;
    const embargo = feature && featurePublic ? embargoOf(feature, today) : undefined;
    if (doc.data.ready && featurePublic && embargo === undefined) return [];
    return [
      {
        id: doc.id,
        title: doc.data.title,
        description: doc.data.description,
        ready: doc.data.ready,
        feature: feature ? { id: feature.id, title: feature.data.title, stage: stageOf(feature.data.stage) } : undefined,
        waitingFor: !doc.data.ready ? (featurePublic ? 'ready' : 'ready-and-feature') : embargo !== undefined ? 'embargo' : 'feature',
        embargo,
      },
    ];
  });
  articles.sort((a, b) => Number(b.ready) - Number(a.ready) || a.title.localeCompare(b.title));

  const unwritten = content.features
    .filter((feature) => !feature.data.changelog && !isPublicStage(content, feature.data.stage))
    .filter((feature) => content.stageById.get(feature.data.stage)!.index > 0)
    .map((feature) => ({ id: feature.id, title: feature.data.title, stage: stageOf(feature.data.stage), target: feature.data.target }))
    .sort((a, b) => (a.target ?? '9999').localeCompare(b.target ?? '9999') || a.id.localeCompare(b.id));
  return { entries, articles, unwritten };
}
