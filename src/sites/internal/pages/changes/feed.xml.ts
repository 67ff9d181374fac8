import type { APIRoute } from 'astro';
import { changeFeedEntries } from '../../../../views/subscriptions.ts';
import { siteHistory } from '../../../integration/feature-history.ts';
import { currentSettings } from '../../../integration/settings.ts';
import { changesFeed } from '../../components/history/feeds.ts';
import { siteData } from '../../lib/site-data.ts';

/** /changes/feed.xml: the stage changes as Atom, entry ids stable across rebuilds. Internal site only. */
export const GET: APIRoute = async () => {
  const { content } = siteData();
  const { internalUrl, repoUrl } = currentSettings();
  const entries = changeFeedEntries(content, (await siteHistory()).transitions);
  return new Response(changesFeed(content, entries, { internalUrl, repoUrl }), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
