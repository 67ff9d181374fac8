import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { baseSnapshot, reviewersToRequest, type Reviewer } from '../process/base.ts';
import { loadContent, UsageError } from '../process/load.ts';
import { validateLoaded } from '../process/validate.ts';
import { gitTopLevel, isShallow, listFiles, mergeBase, readFiles, repoPath } from './git.ts';
import { checkFormat, checkToday, parse, reportOptions, type Format } from './options.ts';
import { exitCodeFor, printReport } from './report.ts';

const usage = `Usage: npm run check-pr -- --base REF [--content DIR] [--format text|json|github] [--today YYYY-MM-DD]

Everything validate does, plus the pull-request rules (history-rewrite,
approval-removed, stage-backward) for every feature file that exists both at
the merge base of REF and HEAD and in the working tree. Lists the reviewers to
request: everyone who approved a stage that the pull request enters.
Exit: 0 no errors, 1 errors, 2 could not run (e.g. the base is not fetched).
`;

const options = { ...reportOptions, base: { type: 'string' } } as const;

export async function checkPrCommand(args: string[]): Promise<number> {
  const { values } = parse(args, options, false);
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const format = checkFormat(values.format);
  const today = checkToday(values.today);
  if (values.base === undefined || values.base === '') throw new UsageError('--base REF is required (the branch the pull request targets, e.g. --base origin/main)');
  const root = path.resolve(values.content);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`content root not found: ${values.content} (pass --content DIR with process.yaml, team.yaml, features/, docs/ and handbook/)`);
  }

  const load = loadContent(root);
  const repo = await gitTopLevel(root);
  const shallow = await isShallow(repo);
  const commit = await mergeBase(repo, values.base, shallow);
  let base;
  if (load.content) {
    const featuresFolder = repoPath(repo, path.join(root, 'features'));
    const names = (await listFiles(repo, commit, featuresFolder)).filter((name) => name.endsWith('.mdx'));
    const texts = await readFiles(repo, commit, names.map((name) => `${featuresFolder}/${name}`));
    base = baseSnapshot(values.base, load.content.process, new Map([...texts].map(([file, text]) => [file.slice(featuresFolder.length + 1), text])));
  }

  const result = validateLoaded(load, { today, base });
  const reviewers = load.content && base ? reviewersToRequest(load.content, base) : [];
  printReport(format, result.summary, result.diagnostics, { json: { reviewers }, text: describeReviewers(format, reviewers) });
  return exitCodeFor(result.summary);
}

/** "@garymcgrath (public)", or the person id when team.yaml has no GitHub login for them. */
function handle(reviewer: Reviewer): string {
  return reviewer.github ? `@${reviewer.github} (${reviewer.stage})` : `${reviewer.person} (${reviewer.stage}, no github login in team.yaml)`;
}

function describeReviewers(format: Format, reviewers: readonly Reviewer[]): string {
  if (format === 'github') {
    // A notice shows on the run's summary page; the reviewers job reads the JSON artifact instead.
    return reviewers.length ? `::notice title=Reviewers to request::${reviewers.map(handle).join(', ')}\n` : '';
  }
  return reviewers.length
    ? `Reviewers to request: ${reviewers.map(handle).join(', ')}\n`
    : 'Reviewers to request: none (the pull request enters no stage)\n';
}
