import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInternalSite, type BuiltSite } from '../e2e/helpers/build-site.ts';
import { makeHistoryRepo, type HistoryRepo } from '../history/history-repo.ts';
import { removeTempDirs } from '../helpers/repo.ts';
import { readPage } from './helpers/html.ts';

/**
 * The internal site built from a real repository with a history (see
 * test/history/history-repo.ts): each feature page's History section, the
 * /changes/ page, its Atom feed, the people's queue feeds and the calendar.
 * Feeds are read with a feed parser (feedsmith), the calendar with an
 * iCalendar parser (node-ical).
 */
let repo: HistoryRepo;
let site: BuiltSite;

beforeAll(async () => {
  repo = await makeHistoryRepo();
  site = await buildInternalSite({ content: repo.content });
});
afterAll(() => {
  site?.cleanup();
  removeTempDirs();
});

const page = (route: string) => readPage(site.dir, route);
const file = (route: string) => readFileSync(path.join(site.dir, route), 'utf8');
/** feedsmith gives Atom text constructs as { value }. */
const text = (construct: unknown) => (construct && typeof construct === 'object' && 'value' in construct ? (construct as { value: unknown }).value : construct);

describe('the History section of a feature page', () => {
  it('shows who moved the feature when, in which pull request, newest first', () => {
    const p = page('/features/reply-drafts/');
    const events = p.all('.feature-history [data-history-event]');
    expect(events.map((e) => p.attr(e, 'data-commit'))).toEqual([repo.merge, expect.stringMatching(/^[0-9a-f]{40}$/)]);
    const [moved, created] = events;
    expect(p.text(p.one('.history-meta', moved))).toMatch(/^\d{1,2} \w{3} \d{4} · commit [0-9a-f]{7} by Shiplog Test in pull request #12$/);
    expect(p.attr(p.one('.history-meta a[href*="/pull/"]', moved), 'href')).toBe('https://github.com/acme/shiplog/pull/12');
    expect(p.attr(p.one('.history-meta a[href*="/commit/"]', moved), 'href')).toBe(`https://github.com/acme/shiplog/commit/${repo.merge}`);
    expect(p.all('[data-change]', moved).map((c) => p.text(c))).toEqual(['Stage: Development → Internal Release', 'Entered Internal Release on 21 Nov 2026']);
    expect(p.all('[data-change]', created).map((c) => p.text(c))[0]).toBe('Created in Development');
    expect(p.maybe('[data-history-partial]')).toBeUndefined();
  });

  it('names the squash commit, its author and the approvals it added', () => {
    const p = page('/features/inbox-search/');
    const [newest] = p.all('.feature-history [data-history-event]');
    expect(p.attr(newest!, 'data-commit')).toBe(repo.squash);
    expect(p.text(p.one('.history-meta', newest))).toContain('by Dana Lee in pull request #13');
    expect(p.all('[data-change]', newest).map((c) => p.text(c))).toEqual([
      'Stage: Internal Release → Beta Release',
      'Entered Beta Release on 21 Nov 2026',
      'Approval by Gary McGrath for Beta Release (21 Nov 2026) added',
      'Approval by James Doman-Pipe for Beta Release (21 Nov 2026) added',
    ]);
  });

  it('keeps the history of a renamed page', () => {
    const p = page('/features/tag-colours/');
    const changes = p.all('.feature-history [data-change]').map((c) => p.text(c));
    expect(changes).toEqual(['Renamed from tag-colors', 'Created in Development', 'Entered Development on 2 Nov 2026']);
  });

  it('is in the table of contents', () => {
    expect(page('/features/tag-colours/').html).toContain('href="#history"');
  });
});

describe('/changes/', () => {
  it('lists every stage change newest first, with stage and team to filter on', () => {
    const p = page('/changes/');
    const rows = p.all('[data-change-item]').map((row) => [p.attr(row, 'data-feature'), p.attr(row, 'data-stage'), p.attr(row, 'data-team')]);
    expect(rows.slice(0, 3)).toEqual([
      ['inbox-search', 'beta', 'frontend'],
      ['reply-drafts', 'internal', 'frontend'],
      ['scheduled-replies', 'development', 'frontend'],
    ]);
    // Then every page's creation in the first commit; the rename is no stage change.
    expect(rows).toHaveLength(3 + 6);
    expect(p.all('select[name="stage"] option').map((o) => p.text(o))).toEqual([
      'All stages',
      'Development (3)',
      'Internal Release (2)',
      'Beta Release (3)',
      'Public Release (1)',
    ]);
    expect(p.html).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="Stage changes" href="\/changes\/feed.xml"\s*\/?>/);
  });
});

describe('feeds and the calendar', () => {
  it('/changes/feed.xml is Atom whose entries are the stage changes, with ids made of feature, commit and stage', () => {
    const feed = parseAtomFeed(file('changes/feed.xml'));
    expect(text(feed.title)).toBe('Stage changes');
    const entries = feed.entries ?? [];
    expect(entries).toHaveLength(9);
    expect(entries[0]!.id).toBe(`urn:shiplog:change:inbox-search:${repo.squash}:beta`);
    expect(text(entries[0]!.title)).toBe('Inbox search: Internal Release → Beta Release');
    expect(entries[0]!.links?.[0]?.href).toBe('https://handbook.example.internal/features/inbox-search/');
    expect(text(entries[0]!.content)).toContain('James Doman-Pipe');
    expect(text(entries[0]!.content)).toContain('Organise the beta customers.');
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(feed.updated).toBe(entries[0]!.updated);
  });

  it('/people/<id>/feed.xml lists what waits on that person', () => {
    const gary = parseAtomFeed(file('people/gary-mcgrath/feed.xml'));
    expect(text(gary.title)).toBe('Queue of Gary McGrath');
    const titles = (gary.entries ?? []).map((e) => text(e.title));
    expect(titles).toContain('Approve Reply drafts for Beta Release');
    expect((gary.entries ?? []).every((e) => e.id?.startsWith('urn:shiplog:queue:gary-mcgrath:'))).toBe(true);
    // Engineers owe no approvals: an empty feed, still valid.
    const dana = parseAtomFeed(file('people/dana-lee/feed.xml'));
    expect(dana.entries ?? []).toEqual([]);
  });

  it('/calendar.ics has one all-day event per not-yet-public feature with a target, with a stable UID', () => {
    const parsed = ical.sync.parseICS(file('calendar.ics'));
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    // node-ical gives an all-day date as local midnight.
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(events.map((e) => [e.uid, day(e.start), e.datetype, e.summary])).toEqual([
      ['feature-inbox-search@handbook.example.internal', '2026-12-15', 'date', 'Inbox search: expected in Public Release'],
      ['feature-ticket-export@handbook.example.internal', '2027-01-12', 'date', 'Ticket export: expected in Public Release'],
    ]);
    // node-ical keeps the URL's VALUE=URI parameter beside the address.
    expect((events[0]!.url as unknown as { val: string }).val).toBe('https://handbook.example.internal/features/inbox-search/');
  });
});
