import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { readContentBytes } from '../engine/content-files.ts';
import { loadContent, UsageError } from '../engine/load.ts';
import type { FeatureEntry } from '../engine/model.ts';
import { didYouMean } from '../engine/suggest.ts';
import { ConcurrentChangeError, replaceFileIfUnchanged } from './atomic-write.ts';
import { EditError } from './frontmatter-edit.ts';
import type { CommandIo } from './io.ts';
import { contentRootOf, parse } from './options.ts';
import { fetchTrackerState, type TrackerHooks } from './tracker.ts';
import { planSync, type SyncPlan } from './tracker-sync.ts';

const usage = `Usage: npm run bugs -- sync [FEATURE...] [--dry-run] [--content DIR]

Writes the tracker's live bug state (process.yaml "tracker", read from
GITHUB_API_URL with GITHUB_TOKEN) into the feature pages: adds the issues
labelled for each feature that its page does not list, and sets the
"status" and "priority" of the listed ones. Every other byte of a page stays
as it was; each page is replaced atomically, and not at all if it changed
while the command ran. Without FEATURE, every feature. --dry-run prints the
diff and writes nothing.
Exit: 0 done (or nothing to change), 1 a page could not be written,
2 could not run (e.g. the tracker cannot answer).
`;

const options = {
  content: { type: 'string', default: 'content' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function bugsCommand(args: string[], io: CommandIo, hooks: TrackerHooks & { beforeWrite?: () => void } = {}): Promise<number> {
  const { values, positionals } = parse(args, options, true);
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  const [action, ...ids] = positionals;
  if (action !== 'sync') throw new UsageError(action === undefined ? 'expected a subcommand: npm run bugs -- sync [FEATURE...] [--dry-run]' : `unknown subcommand "${action}" (the one there is: sync)`);
  const load = loadContent(contentRootOf(io, values.content), { cwd: io.cwd });
  const content = load.content;
  if (!content) throw new UsageError('process.yaml or team.yaml has errors, so no feature can be synced: run npm run validate and fix them first');
  if (!content.process.tracker) throw new UsageError('process.yaml declares no tracker: add "tracker:" with github, featureLabel and priority (see the content contract)');

  let features: FeatureEntry[] = content.features;
  if (ids.length) {
    features = [...new Set(ids)].map((id) => {
      const entry = content.featureById.get(id);
      if (entry) return entry;
      if (content.featureFileIds.has(id)) throw new UsageError(`features/${id}.mdx has frontmatter errors: run npm run validate and fix them first`);
      throw new UsageError(`no feature "${id}". ${didYouMean(id, content.featureFileIds)}(The file name without .mdx is the id.)`);
    });
  }
  const snapshot = await fetchTrackerState(io, content, features, hooks);

  const out: string[] = [];
  let refused = 0;
  let written = 0;
  for (const entry of features) {
    const shown = entry.file.source.displayPath;
    let plan: SyncPlan;
    try {
      plan = planSync(content, entry, snapshot);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      out.push(`Refused: ${shown}: ${error.message}; nothing was written to it.`);
      refused++;
      continue;
    }
    for (const url of plan.missing) out.push(`${shown}: ${snapshot.repository} has no issue ${url}; left as it is.`);
    if (plan.after === plan.before) continue;
    const summary = plan.changes.map((change) => `  ${change.url}: ${change.what}`).join('\n');
    if (values['dry-run']) {
      out.push(createTwoFilesPatch(shown, shown, plan.before, plan.after, 'now', 'after bugs sync', { headerOptions: FILE_HEADERS_ONLY }).trimEnd());
      continue;
    }
    // Only a page that still holds the text the plan was made from is replaced (as advance does).
    const read = readContentBytes(entry.file.source.path);
    if (!('bytes' in read) || !read.bytes.equals(Buffer.from(plan.before, 'utf8'))) {
      out.push(`Refused: ${shown} changed after it was read; nothing was written to it. Run bugs sync again.`);
      refused++;
      continue;
    }
    hooks.beforeWrite?.();
    try {
      replaceFileIfUnchanged(entry.file.source.path, plan.before, plan.after);
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      out.push(`Refused: ${shown} changed while bugs sync was working (${error.message}); nothing was written to it. Run bugs sync again.`);
      refused++;
      continue;
    }
    written++;
    out.push(`Updated ${shown}:\n${summary}`);
  }
  const fetched = `${snapshot.repository} as of ${snapshot.fetchedAt.replace(/\.\d+Z$/, 'Z')}`;
  if (values['dry-run']) out.push(`Dry run: bug states from ${fetched}; nothing was written.`);
  else if (written) out.push(`Synced ${written} ${written === 1 ? 'page' : 'pages'} with ${fetched}.`);
  else if (!refused) out.push(`Every page already agrees with ${fetched}.`);
  io.stdout.write(`${out.join('\n\n')}\n`);
  return refused ? 1 : 0;
}
