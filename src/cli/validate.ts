import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadContent, UsageError } from '../engine/load.ts';
import { validateLoaded } from '../engine/validate.ts';
import type { CommandIo } from './io.ts';
import { fetchTrackerState } from './tracker.ts';
import { checkFormat, checkToday, contentRootOf, parse, reportOptions } from './options.ts';
import { exitCodeFor, printReport } from './report.ts';
import { updateSuppressions } from './suppressions.ts';

const usage = `Usage: npm run validate -- [--content DIR] [--format text|json|github] [--today YYYY-MM-DD] [--online] [--suppress-all | --prune-suppressions] [FILE...]

Checks every feature, article and handbook page in the content root against
the release process. With FILE arguments, reports only on those files (the
cross-file rules still see the whole root). --suppress-all records every
current finding on handbook pages in suppressions.json, so later runs report
only new ones; --prune-suppressions drops entries whose findings are gone. --online judges bugs by the
tracker's live state (GITHUB_API_URL, GITHUB_TOKEN). Exit: 0 no errors,
1 errors, 2 could not run (also when the tracker cannot answer).
`;

const validateOptions = {
  ...reportOptions,
  'suppress-all': { type: 'boolean', default: false },
  'prune-suppressions': { type: 'boolean', default: false },
} as const;

export async function validateCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(args, validateOptions, true);
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  const format = checkFormat(values.format);
  const today = checkToday(values.today);
  let only: Set<string> | undefined;
  if (positionals.length) {
    const root = path.resolve(io.cwd, values.content);
    only = new Set(
      positionals.map((file) => {
        const absolute = path.resolve(io.cwd, file);
        if (!existsSync(absolute)) throw new UsageError(`no such file: ${file}`);
        if (!statSync(absolute).isFile()) throw new UsageError(`not a file: ${file} (name the .mdx or .yaml files to report on)`);
        if (path.relative(root, absolute).startsWith('..')) throw new UsageError(`${file} is not inside the content root ${values.content} (pass --content DIR)`);
        return absolute;
      }),
    );
  }
  const load = loadContent(contentRootOf(io, values.content), { cwd: io.cwd });
  // Live bug state only when asked for: without --online nothing here touches the network.
  const tracker = values.online && load.content
    ? await fetchTrackerState(io, load.content, only ? load.content.features.filter((f) => only.has(f.file.source.path)) : undefined)
    : undefined;
  // --suppress-all / --prune-suppressions rewrite content/suppressions.json (the content contract's "Suppressions").
  const recording = values['suppress-all'] ? 'all' : values['prune-suppressions'] ? 'prune' : undefined;
  if (recording && only) throw new UsageError('--suppress-all and --prune-suppressions work on the whole content root: leave out the FILE arguments');
  const result = recording ? updateSuppressions(io, load, { today, tracker }, recording) : validateLoaded(load, { today, only, tracker });
  printReport(io, format, result.summary, result.diagnostics);
  if (format === 'text' && result.suppressed > 0) io.stdout.write(`(${result.suppressed} known finding${result.suppressed === 1 ? '' : 's'} on handbook pages suppressed by suppressions.json)\n`);
  return exitCodeFor(result.summary);
}
