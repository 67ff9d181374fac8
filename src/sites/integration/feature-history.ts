import { featureFolderHistory, gitTopLevel, repoPath, type Git } from '../../cli/git.ts';
import { featureHistories, stageTransitions, type FeatureHistory, type StageTransition } from '../../views/history.ts';
import { siteLoad } from './site-load.ts';
import { currentSettings, type ShiplogSettings } from './settings.ts';

/**
 * The git history of the build's feature pages, read once per build: one
 * `git log` walk over content/features/ and one `git cat-file --batch` for
 * every version (src/cli/git.ts), parsed by the history view. The History
 * section of each feature page, /changes/ and the feeds all read this.
 */
export interface SiteHistory {
  /** Why there is no history (the content root is not in a git repository), else undefined. */
  unavailable: string | undefined;
  histories: Map<string, FeatureHistory>;
  /** Every stage change of the features that exist now, newest first. */
  transitions: StageTransition[];
}

const HISTORIES = Symbol.for('shiplog.site-histories');
type Shared = typeof globalThis & { [HISTORIES]?: Map<string, Promise<SiteHistory>> };
const cache = (): Map<string, Promise<SiteHistory>> => ((globalThis as Shared)[HISTORIES] ??= new Map());

/** The history of the build's content root (made once per build; in `npm run dev`, on every request, as commits happen under a running server). */
export function siteHistory(settings: Pick<ShiplogSettings, 'content' | 'today'> = currentSettings()): Promise<SiteHistory> {
  if (process.env.SHIPLOG_DEV) return readSiteHistory(settings);
  const key = `${settings.content}\0${settings.today}`;
  let history = cache().get(key);
  if (!history) cache().set(key, (history = readSiteHistory(settings)));
  return history;
}

async function readSiteHistory(settings: Pick<ShiplogSettings, 'content' | 'today'>): Promise<SiteHistory> {
  const { content } = siteLoad(settings);
  const ids = content.features.map((entry) => entry.id);
  const git: Git = { env: process.env };
  let repo: string;
  try {
    repo = await gitTopLevel(git, settings.content);
  } catch {
    return { unavailable: 'the content root is not in a git repository', histories: new Map(), transitions: [] };
  }
  // The folder may not exist yet (no feature committed): its path is still known.
  const contentPath = repoPath(repo, settings.content);
  const folder = contentPath === '' ? 'features' : `${contentPath}/features`;
  let commits;
  try {
    commits = await featureFolderHistory(git, repo, folder, ['HEAD']);
  } catch (error) {
    return { unavailable: `git could not read it (${(error as Error).message})`, histories: new Map(), transitions: [] };
  }
  const histories = featureHistories(
    commits,
    ids,
    content.stages.map((stage) => stage.id),
  );
  return { unavailable: undefined, histories, transitions: stageTransitions(histories.values()) };
}
