import type { APIRoute, GetStaticPaths } from 'astro';
import { queueFeedEntries } from '../../../../../views/subscriptions.ts';
import { currentSettings } from '../../../../integration/settings.ts';
import { queueFeed } from '../../../components/history/feeds.ts';
import { siteData } from '../../../lib/site-data.ts';

/** /people/<id>/feed.xml: what enters that person's queue (approvals owed, articles to write), as Atom. */
export const getStaticPaths: GetStaticPaths = () => siteData().content.team.people.map((person) => ({ params: { id: person.id } }));

export const GET: APIRoute = ({ params }) => {
  const { content, statuses } = siteData();
  const { internalUrl, repoUrl } = currentSettings();
  const id = params.id!;
  return new Response(queueFeed(content, id, queueFeedEntries(content, id, statuses), { internalUrl, repoUrl }), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
};
