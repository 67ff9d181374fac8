import type { APIRoute } from 'astro';
import { calendarEvents } from '../../../views/subscriptions.ts';
import { currentSettings } from '../../integration/settings.ts';
import { targetCalendar } from '../components/history/feeds.ts';
import { siteData } from '../lib/site-data.ts';

/** /calendar.ics: every not-yet-public feature's target date, one event per feature (UID from its id). Internal site only. */
export const GET: APIRoute = () => {
  const { content, statuses, today } = siteData();
  const { internalUrl, repoUrl } = currentSettings();
  const events = calendarEvents(content, statuses, new URL(internalUrl).host);
  return new Response(targetCalendar(events, { internalUrl, repoUrl }, today), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
