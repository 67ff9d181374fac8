import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { featureFolderHistory, type Git } from '../../src/cli/git.ts';
import { loadContent } from '../../src/engine/load.ts';
import { changesFeed, targetCalendar } from '../../src/sites/internal/components/history/feeds.ts';
import { featureHistories, stageTransitions } from '../../src/views/history.ts';
import { calendarEvents, changeFeedEntries } from '../../src/views/subscriptions.ts';
import { featureStatus } from '../../src/views/status.ts';
import { FIXTURE_TODAY, gitEnv, removeTempDirs } from '../helpers/repo.ts';
import { makeHistoryRepo, type HistoryRepo } from './history-repo.ts';

/**
 * The subscriptions do not depend on when they are built: two independent
 * reads of the same repository give the same bytes, and a later commit adds
 * entries without changing the ids of the old ones.
 */
const site = { internalUrl: 'https://handbook.acme.test', repoUrl: 'https://github.com/acme/handbook' };
const gitIo: Git = { env: gitEnv };
let repo: HistoryRepo;
beforeAll(async () => {
  repo = await makeHistoryRepo();
});
afterAll(removeTempDirs);

async function render() {
  const content = loadContent(repo.content).content!;
  const histories = featureHistories(
    await featureFolderHistory(gitIo, repo.dir, 'content/features', ['HEAD']),
    content.features.map((f) => f.id),
    content.stages.map((s) => s.id),
  );
  const statuses = content.features.map((entry) => featureStatus(content, entry, FIXTURE_TODAY));
  return {
    feed: changesFeed(content, changeFeedEntries(content, stageTransitions(histories.values())), site),
    calendar: targetCalendar(calendarEvents(content, statuses, 'handbook.acme.test'), site, FIXTURE_TODAY),
  };
}

describe('feeds and calendar', () => {
  test('are the same bytes when built again, and keep their ids when history grows', async () => {
    const first = await render();
    const again = await render();
    expect(again).toEqual(first);
    expect(first.calendar).toContain('UID:feature-inbox-search@handbook.acme.test');
    expect(first.calendar).toContain('DTSTAMP:20261121T000000Z');

    const ids = (xml: string) => (parseAtomFeed(xml).entries ?? []).map((e) => e.id);
    const before = ids(first.feed);
    repo.edit('features/bulk-tagging.mdx', 'stage: beta\n', 'stage: internal\n');
    repo.commitAll('Back to internal (#20)');
    const after = ids((await render()).feed);
    expect(after.slice(1)).toEqual(before);
    expect(after[0]).toMatch(/^urn:shiplog:change:bulk-tagging:[0-9a-f]{40}:internal$/);
  });
});
