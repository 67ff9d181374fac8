import path from 'node:path';
import { changelogImage } from '../engine/changelog-image.ts';
import type { CalendarDate } from '../engine/dates.ts';
import type { Content, FeatureEntry } from '../engine/model.ts';
import { PageBodies } from '../engine/page-bodies.ts';
import { isPublicStage } from '../engine/requirements.ts';
import { articleCodeFindings } from '../engine/rules/article-code.ts';
import { LineIndex } from '../engine/source.ts';

/**
 * The public projection: the only view of the content the public site is
 * given. Every field is copied here by name from an allow-list; nothing is
 * spread from a feature or article, so a field added to the frontmatter later
 * stays internal until someone adds it here on purpose.
 */

export interface PublicArticleLink {
  id: string;
  title: string;
}

export interface PublicChangelogEntry {
  /** Stable: the feature id (its file name), used for permalinks and feed ids. */
  id: string;
  title: string;
  category: 'new' | 'improved' | 'fixed';
  /** Markdown, rendered safely by the site. */
  text: string;
  /** Markdown for the entry's own page and the feeds, rendered safely by the site. */
  details: string | undefined;
  image: PublicImage | undefined;
  /** The day it became available to every customer, or its `publish` date when that is later. */
  date: CalendarDate;
  release: string | undefined;
  article: PublicArticleLink | undefined;
}

export interface PublicImage {
  /** Absolute path of the picture, so the build can import exactly this file; never rendered. */
  path: string;
  alt: string;
}

/** A feature on the public roadmap: its title and changelog text, and nothing else (no id: the file name is internal). */
export interface PublicRoadmapItem {
  title: string;
  /** Markdown, rendered safely by the site. */
  text: string;
}

export interface PublicArticle {
  id: string;
  title: string;
  description: string;
  /** Absolute path of the MDX file, so the public site can load exactly these files. */
  path: string;
  /** The changelog entry of the feature it documents, when that feature is public. */
  changelog: { id: string; title: string } | undefined;
}

export interface PublicRelease {
  /** e.g. "2026.12". */
  id: string;
  entries: PublicChangelogEntry[];
}

export interface PublicProjection {
  changelog: PublicChangelogEntry[];
  articles: PublicArticle[];
  releases: PublicRelease[];
  /** Undefined unless process.yaml sets `publicRoadmap: true`. */
  roadmap: PublicRoadmapItem[] | undefined;
}

export interface ProjectionOptions {
  /**
   * The build's date, for embargoes (`changelog.publish`). Without it every
   * entry with a publish date stays embargoed: forgetting the date can hold
   * an announcement back, never let one out early.
   */
  today?: CalendarDate | undefined;
}

/** The publish date that still holds `feature`'s entry back on `today`, if any. */
export function embargoOf(feature: FeatureEntry, today: CalendarDate | undefined): CalendarDate | undefined {
  const publish = feature.data.changelog?.publish;
  if (publish === undefined) return undefined;
  return today === undefined || today < publish ? publish : undefined;
}

/**
 * An article about to be published holds code or links the public site must
 * not have. The projection refuses it whatever `validate` said or was
 * skipped, so the public build stops instead of compiling it.
 */
export class UnsafeArticleError extends Error {}

export function publicProjection(content: Content, options: ProjectionOptions = {}): PublicProjection {
  // An embargoed feature is not public yet, for every output: its entry, its article, its release listing.
  const publicFeatures = content.features.filter((f) => isPublicStage(content, f.data.stage) && embargoOf(f, options.today) === undefined);
  const publicFeatureIds = new Set(publicFeatures.map((f) => f.id));
  const finalStage = content.stages[content.stages.length - 1]!.id;

  // An article is published when it is ready and documents no feature, or a public one.
  const articles: PublicArticle[] = content.docs
    .filter((doc) => doc.data.ready && (!doc.data.feature || publicFeatureIds.has(doc.data.feature)))
    .map((doc) => {
      const feature = doc.data.feature ? content.featureById.get(doc.data.feature) : undefined;
      return {
        id: doc.id,
        title: doc.data.title,
        description: doc.data.description,
        path: doc.file.source.path,
        changelog: feature?.data.changelog ? { id: feature.id, title: feature.data.title } : undefined,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
  refuseUnsafeArticles(content, new Set(articles.map((a) => a.id)));
  const articleById = new Map(articles.map((a) => [a.id, a]));

  const changelog: PublicChangelogEntry[] = publicFeatures
    .flatMap((feature) => {
      const entry = feature.data.changelog;
      const date = (feature.data.dates as Record<string, CalendarDate | undefined>)[finalStage];
      if (!entry || !date) return [];
      const article = feature.data.docs ? articleById.get(feature.data.docs) : undefined;
      return [
        {
          id: feature.id,
          title: feature.data.title,
          category: entry.category,
          text: entry.text,
          details: entry.details,
          image: entry.image ? publicImage(content, feature, entry.image) : undefined,
          // Announced on launch day: the publish date when the embargo outlasted the flag.
          date: entry.publish !== undefined && entry.publish > date ? entry.publish : date,
          release: feature.data.release,
          article: article ? { id: article.id, title: article.title } : undefined,
        },
      ];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));

  const releaseIds = [...new Set(changelog.flatMap((e) => (e.release ? [e.release] : [])))].sort().reverse();
  const releases = releaseIds.map((id) => ({ id, entries: changelog.filter((e) => e.release === id) }));
  // Frozen so a page cannot patch extra data onto what it was given.
  return deepFreeze({ changelog, articles, releases, roadmap: content.process.publicRoadmap ? roadmapOf(content, options.today) : undefined });
}

/**
 * Opted-in features (`roadmap: true`) past the first stage whose entry is not
 * published yet: title and changelog text only, by title, so not even the
 * order says which stage each is in.
 */
function roadmapOf(content: Content, today: CalendarDate | undefined): PublicRoadmapItem[] {
  return content.features
    .filter((f) => f.data.roadmap === true && f.data.changelog && content.stageById.get(f.data.stage)!.index > 0)
    .filter((f) => !isPublicStage(content, f.data.stage) || embargoOf(f, today) !== undefined)
    .map((f) => ({ title: f.data.title, text: f.data.changelog!.text }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.text.localeCompare(b.text));
}

/** Raised for a published entry whose picture the site must not (or cannot) read; `validate` reports it as `handbook-link`. */
export class UnsafeImageError extends Error {}

function publicImage(content: Content, feature: FeatureEntry, image: { src: string; alt: string }): PublicImage {
  const found = changelogImage(image.src, feature.id, content.assets);
  if (!found.ok) {
    throw new UnsafeImageError(`the public site will not publish the picture of features/${feature.id}.mdx (run \`npm run validate\`): ${found.problem}`);
  }
  return { path: path.join(content.root, ...found.file.split('/')), alt: image.alt };
}

function refuseUnsafeArticles(content: Content, published: Set<string>): void {
  const bodies = new PageBodies();
  const problems = content.docs
    .filter((doc) => published.has(doc.id))
    .flatMap((doc) => articleCodeFindings(doc, content, bodies))
    .map((finding) => {
      const { line, column } = new LineIndex(finding.file.source.text).locate(finding.at && 'offset' in finding.at ? finding.at.offset : 0);
      return `${finding.file.source.displayPath}:${line}:${column} ${finding.rule}: ${finding.message}`;
    });
  if (problems.length > 0) {
    throw new UnsafeArticleError(`the public site will not publish these articles (run \`npm run validate\`):\n${problems.join('\n')}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
