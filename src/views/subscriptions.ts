import type { Content } from '../engine/model.ts';
import { finalStage } from '../engine/requirements.ts';
import { notifyFor, type Notify } from './announcements.ts';
import type { StageTransition } from './history.ts';
import { queueFor, type FeatureStatus } from './status.ts';

/**
 * What people subscribe to on the internal site, as data: the stage-change
 * feed (/changes/feed.xml), each person's queue feed
 * (/people/<id>/feed.xml) and the calendar of target dates
 * (/calendar.ics). Entry ids and dates depend only on the content and its
 * history, never on when the site was built, so a reader or a calendar
 * never sees one thing twice.
 */

/** One feed entry; `updated` is an ISO date-time. */
export interface SubscriptionEntry {
  id: string;
  title: string;
  updated: string;
  /** The feature the entry is about. */
  feature: string;
}

export interface ChangeEntry extends SubscriptionEntry {
  transition: StageTransition;
  notify: Notify[];
}

/** How many stage changes the feed carries (newest first): readers want news, not the whole archive. */
export const CHANGE_FEED_LIMIT = 200;

/** The stage-change feed's entries, newest first; `transitions` as `stageTransitions` gives them. */
export function changeFeedEntries(content: Content, transitions: readonly StageTransition[]): ChangeEntry[] {
  const stageName = (id: string) => content.stageById.get(id)?.name ?? id;
  return transitions.slice(0, CHANGE_FEED_LIMIT).map((t) => {
    const title = content.featureById.get(t.feature)?.data.title ?? t.snapshot.title ?? t.feature;
    return {
      // The same change always has the same id: feature, commit and stage entered.
      id: `urn:shiplog:change:${t.feature}:${t.commit.sha}:${t.to}`,
      title: t.from === null ? `${title}: new in ${stageName(t.to)}` : `${title}: ${stageName(t.from)} → ${stageName(t.to)}`,
      updated: new Date(Date.parse(t.commit.date) || 0).toISOString(),
      feature: t.feature,
      transition: t,
      notify: notifyFor(content.process, content.team, t.to),
    };
  });
}

export interface QueueEntry extends SubscriptionEntry {
  kind: 'approve' | 'write-docs';
  status: FeatureStatus;
  /** The stage an approval is owed for. */
  stage: string | undefined;
}

const dayStart = (date: string | undefined) => `${date ?? '1970-01-01'}T00:00:00.000Z`;

/**
 * What waits on a person that they must act on: approvals their roles owe
 * and articles to write (their queue, as /people/<id>/ shows it, less the
 * features they own). An item's date is the day it entered the queue: the
 * day the feature entered its current stage for an approval, the day it left
 * the first stage for an article. Newest first.
 */
export function queueFeedEntries(content: Content, personId: string, statuses: readonly FeatureStatus[]): QueueEntry[] {
  const entries: QueueEntry[] = [];
  for (const item of queueFor(content, personId, statuses)) {
    const feature = item.status.entry;
    if (item.kind === 'approve') {
      entries.push({
        id: `urn:shiplog:queue:${personId}:${feature.id}:approve:${item.stage.id}`,
        title: `Approve ${feature.data.title} for ${item.stage.name}`,
        updated: dayStart(item.status.enteredOn),
        feature: feature.id,
        kind: 'approve',
        status: item.status,
        stage: item.stage.id,
      });
    } else if (item.kind === 'write-docs') {
      const dates = feature.data.dates as Record<string, string | undefined>;
      const leftFirst = content.stages.slice(1).map((stage) => dates[stage.id]).find((date) => date !== undefined);
      entries.push({
        id: `urn:shiplog:queue:${personId}:${feature.id}:write-docs`,
        title: `Write the self-service article for ${feature.data.title}`,
        updated: dayStart(leftFirst ?? item.status.enteredOn),
        feature: feature.id,
        kind: 'write-docs',
        status: item.status,
        stage: undefined,
      });
    }
  }
  return entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

export interface CalendarEvent {
  /** Stable across rebuilds: the feature id. */
  uid: string;
  /** The target date: an all-day event. */
  date: string;
  summary: string;
  description: string;
  feature: string;
}

/** One event per feature not yet in the final stage that has a target date, by date. */
export function calendarEvents(content: Content, statuses: readonly FeatureStatus[], host: string): CalendarEvent[] {
  const last = finalStage(content);
  return statuses
    .filter((status) => status.stage.id !== last.id && status.entry.data.target)
    .map((status) => {
      const feature = status.entry.data;
      return {
        uid: `feature-${status.entry.id}@${host}`,
        date: feature.target!,
        summary: `${feature.title}: expected in ${last.name}`,
        description: `${feature.title} is in ${status.stage.name}; its target for ${last.name} is ${feature.target}. ${feature.summary}`,
        feature: status.entry.id,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.feature.localeCompare(b.feature));
}
