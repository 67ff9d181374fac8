import { Feed } from 'feed';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Content } from '../../../../engine/model.ts';
import { describeChange, transitionDate } from '../../../../views/history.ts';
import type { CalendarEvent, ChangeEntry, QueueEntry } from '../../../../views/subscriptions.ts';
import { describeRequirement } from '../../../../engine/requirements.ts';
import { historyNames, repoLinks } from './names.ts';

/**
 * The internal site's subscriptions written out: Atom 1.0 with `feed`,
 * iCalendar (RFC 5545) with `ical-generator`. Nothing depends on the time of
 * the build: the feed's "updated" is its newest entry's, and the calendar's
 * DTSTAMP is the build's `today`.
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface FeedSite {
  internalUrl: string;
  repoUrl: string;
}

const absolute = (site: FeedSite, path: string) => `${site.internalUrl.replace(/\/$/, '')}${path}`;

function newFeed(site: FeedSite, options: { title: string; description: string; page: string; self: string; updated: string | undefined }): Feed {
  return new Feed({
    title: options.title,
    description: options.description,
    id: absolute(site, options.page),
    link: absolute(site, options.page),
    language: 'en',
    updated: new Date(options.updated ?? '1970-01-01T00:00:00Z'),
    generator: false,
    feedLinks: { atom: absolute(site, options.self) },
    copyright: 'Internal: do not share outside the company',
  });
}

/** /changes/feed.xml: every stage change, newest first, each with who must act. */
export function changesFeed(content: Content, entries: readonly ChangeEntry[], site: FeedSite): string {
  const names = historyNames(content);
  const links = repoLinks(site.repoUrl);
  const feed = newFeed(site, {
    title: 'Stage changes',
    description: 'Every feature that changed stage, newest first, with who must act.',
    page: '/changes/',
    self: '/changes/feed.xml',
    updated: entries[0]?.updated,
  });
  for (const entry of entries) {
    const t = entry.transition;
    const pr = t.commit.pr === null ? '' : ` in pull request <a href="${links.pull(t.commit.pr)}">#${t.commit.pr}</a>`;
    const who = entry.notify
      .map((n) => `<li><strong>${escapeHtml(n.person === null ? (n.role === 'everyone' ? 'Everyone' : n.role) : names.person(n.person))}</strong>: ${escapeHtml(n.action)}</li>`)
      .join('');
    const html =
      `<p>${escapeHtml(describeChange({ kind: 'stage', from: t.from, to: t.to }, names))} on ${escapeHtml(names.date(transitionDate(t)))}, ` +
      `commit <a href="${links.commit(t.commit.sha)}">${t.commit.sha.slice(0, 7)}</a> by ${escapeHtml(t.commit.author)}${pr}.</p>` +
      (who ? `<p>Who must act:</p><ul>${who}</ul>` : '');
    feed.addItem({
      title: escapeHtml(entry.title),
      id: entry.id,
      link: absolute(site, `/features/${entry.feature}/`),
      date: new Date(entry.updated),
      description: escapeHtml(`${describeChange({ kind: 'stage', from: t.from, to: t.to }, names)} (${t.commit.author})`),
      content: html,
      author: [{ name: t.commit.author }],
    });
  }
  return feed.atom1();
}

/** /people/<id>/feed.xml: what enters one person's queue. */
export function queueFeed(content: Content, personId: string, entries: readonly QueueEntry[], site: FeedSite): string {
  const name = content.people.get(personId)?.name ?? personId;
  const feed = newFeed(site, {
    title: `Queue of ${name}`,
    description: `Approvals ${name} owes and articles to write, newest first.`,
    page: `/people/${personId}/`,
    self: `/people/${personId}/feed.xml`,
    updated: entries[0]?.updated,
  });
  for (const entry of entries) {
    const feature = entry.status.entry.data;
    const missing = entry.kind === 'approve' ? entry.status.missingForNext.map((r) => `<li>${escapeHtml(describeRequirement(r, entry.status.next!.id))}</li>`).join('') : '';
    const html =
      `<p>${escapeHtml(feature.title)} is in ${escapeHtml(entry.status.stage.name)}${feature.target ? `; its target date is ${escapeHtml(feature.target)}` : ''}. ${escapeHtml(feature.summary)}</p>` +
      (missing ? `<p>Still needed for ${escapeHtml(entry.status.next?.name ?? '')}:</p><ul>${missing}</ul>` : '');
    feed.addItem({
      title: escapeHtml(entry.title),
      id: entry.id,
      link: absolute(site, `/features/${entry.feature}/`),
      date: new Date(entry.updated),
      description: escapeHtml(entry.title),
      content: html,
    });
  }
  return feed.atom1();
}

/** /calendar.ics: each not-yet-public feature's target date, one all-day event per feature. */
export function targetCalendar(events: readonly CalendarEvent[], site: FeedSite, today: string): string {
  const calendar = ical({
    name: 'Feature target dates',
    description: 'When features are expected to be available to every customer.',
    prodId: { company: 'Shiplog', product: 'handbook', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    url: absolute(site, '/calendar.ics'),
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: new Date(`${event.date}T00:00:00Z`),
      allDay: true,
      // The same every build of a day: a calendar updates an event it already has by its UID.
      stamp: new Date(`${today}T00:00:00Z`),
      summary: event.summary,
      description: event.description,
      url: absolute(site, `/features/${event.feature}/`),
    });
  }
  return calendar.toString();
}
