import { isFileId, MAX_FILE_ID_LENGTH } from '../engine/schemas/common.ts';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';
import type { CalendarDate } from '../engine/dates.ts';
import { loadContent, UsageError } from '../engine/load.ts';
import type { Content } from '../engine/model.ts';
import { formatText } from '../engine/reporters/text.ts';
import { holdersOf } from '../engine/requirements.ts';
import { didYouMean } from '../engine/suggest.ts';
import { validateRoot } from '../engine/validate.ts';
import { quoteAmbiguousStrings } from './yaml-scalar.ts';
import { createFileAtomic } from './atomic-write.ts';
import type { CommandIo } from './io.ts';
import { checkToday, contentRootOf, parse } from './options.ts';
import { wantsColor } from './report.ts';

const usage = `Usage: npm run new-feature -- ID --title T --owner PERSON [--summary S] [--content DIR] [--today YYYY-MM-DD]

Creates content/features/ID.mdx in the first stage (development), dated
today, owned by PERSON (an engineer in team.yaml), with a body that prompts
for what reviewers need. The page is valid as created.
Exit: 0 created, 1 the page would not be valid, 2 bad arguments.
`;

const options = {
  content: { type: 'string', default: 'content' },
  title: { type: 'string' },
  owner: { type: 'string' },
  summary: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;


export async function newFeatureCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(args, options, true);
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('expected one feature ID, e.g. npm run new-feature -- scheduled-replies --title "Scheduled replies" --owner aisha-bello');
  const id = positionals[0]!;
  if (!isFileId(id)) {
    throw new UsageError(
      `"${id.length > 60 ? `${id.slice(0, 57)}...` : id}" is not a valid feature id: use at most ${MAX_FILE_ID_LENGTH} lowercase letters, digits and single "-" (it becomes the file name and the page address)`,
    );
  }
  const title = oneLine('--title', values.title);
  const summary = values.summary === undefined ? undefined : oneLine('--summary', values.summary);
  if (values.owner === undefined) throw new UsageError('--owner PERSON is required: the engineer who drives the feature to public release');
  const today = checkToday(values.today);

  const load = loadContent(contentRootOf(io, values.content), { cwd: io.cwd });
  const content = load.content;
  if (!content) throw new UsageError('process.yaml or team.yaml has errors, so no feature can be checked: run npm run validate and fix them first');
  const target = path.join(content.root, 'features', `${id}.mdx`);
  if (existsSync(target) || content.featureFileIds.has(id)) throw new UsageError(`the feature "${id}" already exists: ${path.relative(io.cwd, target)}`);
  const owner = checkOwner(content, values.owner);

  const flagTaken = content.features.some((f) => f.data.flag === id);
  const text = featurePage(content, { id, title, summary: summary ?? title, owner: owner.id, team: owner.team, flag: flagTaken ? undefined : id, today });

  // Valid as created: judge the page with every rule before writing it.
  const result = validateNewPage(content.root, { path: target, text }, today, io);
  if (result.errors) {
    io.stdout.write(result.report);
    io.stdout.write('Refused: the new page would not be valid; nothing was written.\n');
    return 1;
  }

  mkdirSync(path.dirname(target), { recursive: true });
  try {
    createFileAtomic(target, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`the feature "${id}" already exists: ${path.relative(io.cwd, target)}`);
    throw error;
  }
  const display = path.relative(io.cwd, target).split(path.sep).join('/');
  const lines = [`Created ${display}: ${title}, in ${content.stages[0]!.name} since ${today}, owned by ${owner.id}.`];
  if (summary === undefined) lines.push('No --summary given: the summary repeats the title. Replace it with one line on what the feature lets someone do.');
  if (flagTaken) lines.push(`The flag "${id}" is already used by another feature, so the page has none yet: add a unique "flag:" before Internal Release.`);
  lines.push('Next: fill in the body, then commit the page and open a pull request.');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function oneLine(option: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${option} is required`);
  const trimmed = value.trim();
  if (trimmed === '' || /[\r\n]/.test(trimmed)) throw new UsageError(`${option} must be one non-empty line`);
  return trimmed;
}

function checkOwner(content: Content, id: string) {
  const person = content.people.get(id);
  const role = content.process.ownerRole;
  const candidates = holdersOf(content, role).map((p) => p.id);
  if (!person) {
    throw new UsageError(`--owner: "${id}" is not in team.yaml. ${didYouMean(id, content.people.keys())}People with role ${role}: ${candidates.join(', ') || 'none'}`);
  }
  if (!person.roles.includes(role)) {
    throw new UsageError(`--owner: ${id} does not have the role ${role} that a feature owner needs. People with it: ${candidates.join(', ') || 'none'}`);
  }
  return person;
}

interface NewPage {
  id: string;
  title: string;
  summary: string;
  owner: string;
  team: string | undefined;
  flag: string | undefined;
  today: CalendarDate;
}

/** The page's text: frontmatter rendered by the yaml package, every value quoted that any YAML reader would take for something other than text, and a body that asks for what reviewers need. */
export function featurePage(content: Content, page: NewPage): string {
  const first = content.stages[0]!;
  const data: Record<string, unknown> = { title: page.title, summary: page.summary, owner: page.owner };
  if (page.team !== undefined && content.teamIds.has(page.team)) data.team = page.team;
  data.stage = first.id;
  if (page.flag !== undefined) data.flag = page.flag;
  data.dates = { [first.id]: page.today };
  const document = new Document(data);
  // A title such as 2026-01-01, yes or 0b1010 stays text for every reader
  // (the site reads frontmatter as YAML 1.1 would); the entry date stays unquoted.
  quoteAmbiguousStrings(document, (keys) => keys[0] === 'dates');
  const frontmatter = document.toString({ lineWidth: 0 });
  const next = content.stages[1];
  return `---
${frontmatter}---
## The problem

_Who has the problem, how they work around it today, and how we know (support
tickets, customer calls, our own use)._

## The approach

_What the feature does, the decisions made and the alternatives turned down,
with why. Link the designs._

## Rollout and flag

_What the flag${page.flag ? ` \`${page.flag}\`` : ''} switches on, and who tests it${next ? ` in ${next.name}` : ''}.
What Support and Growth need to know, and whether customers need a
self-service article or a changelog entry._

## Risks

_What could regress, how we would notice (metrics, logs), and how to switch it
off._

## Links

_Issues, pull requests, designs, analytics dashboards._
`;
}

/** Judges the page with every rule, as if it were already in the content root, before anything is written. */
function validateNewPage(root: string, page: { path: string; text: string }, today: CalendarDate, io: CommandIo): { errors: number; report: string } {
  const result = validateRoot(root, { today, only: new Set([page.path]), overrides: new Map([[page.path, page.text]]), cwd: io.cwd });
  const report = formatText(result.summary, result.diagnostics, { color: wantsColor(io), sourceOf: (d) => (d.path === page.path ? page.text : undefined) });
  return { errors: result.summary.errors, report };
}
