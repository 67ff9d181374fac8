import { isCalendarDate } from '../../../../engine/dates.ts';
import type { Content } from '../../../../engine/model.ts';
import type { HistoryNames } from '../../../../views/history.ts';
import { dateLabel, personName, stageName } from '../../lib/display.ts';

/** Names as the internal site shows them, for the history view's sentences. An old version's impossible date is shown as written. */
export function historyNames(content: Content): HistoryNames {
  return {
    stage: (id) => stageName(content, id),
    person: (id) => personName(content, id),
    date: (date) => (isCalendarDate(date) ? dateLabel(date) : date),
  };
}

/** The day of a commit's ISO date, in UTC. */
export function commitDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso.slice(0, 10) : new Date(time).toISOString().slice(0, 10);
}

/** Links to a commit and a pull request in the repository browsed at `repoUrl` (SHIPLOG_REPO_URL). */
export const repoLinks = (repoUrl: string) => ({
  commit: (sha: string) => `${repoUrl}/commit/${sha}`,
  pull: (n: number) => `${repoUrl}/pull/${n}`,
});
