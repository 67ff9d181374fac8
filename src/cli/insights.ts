import { isCalendarDate } from '../engine/dates.ts';
import { UsageError } from '../engine/load.ts';
import { formatText } from '../engine/reporters/text.ts';
import { validateRoot } from '../engine/validate.ts';
import { computeInsights, insightsJson, teamIds, type Durations, type Insights } from '../views/insights.ts';
import type { CommandIo } from './io.ts';
import { checkToday, contentRootOf, parse } from './options.ts';
import { sourceOnDisk, wantsColor } from './report.ts';

const usage = `Usage: npm run insights -- [--format text|json] [--today YYYY-MM-DD] [--since YYYY-MM-DD] [--team ID] [--content DIR]

The release-process numbers of the internal site's /insights/ page: days in
each stage, lead times, features made public per month, work in progress,
soak time, targets kept, and features past their stage's limit.
  --format F    text (a table to paste into chat, the default) or json (cli.md's shape)
  --today D     the day the numbers are as of (default: today, UTC)
  --since D     only features that went public, or left the stage, on or after D
  --team ID     only this team's features (a team id from team.yaml)
Exit: 0 printed, 1 printed but the content has errors (listed on stderr;
features whose page did not load are left out), 2 could not run.
`;

export async function insightsCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parse(
    args,
    {
      format: { type: 'string', default: 'text' },
      since: { type: 'string' },
      team: { type: 'string' },
      content: { type: 'string', default: 'content' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values.since !== undefined && !isCalendarDate(values.since)) {
    throw new UsageError(`--since must be a real date written YYYY-MM-DD, not "${values.since}"`);
  }
  const today = checkToday(values.today);
  const result = validateRoot(contentRootOf(io, values.content), { today, cwd: io.cwd });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const content = result.load.content;
  if (content && values.team !== undefined && !teamIds(content).includes(values.team)) {
    throw new UsageError(`--team: no team "${values.team}" in team.yaml (teams: ${teamIds(content).join(', ') || 'none'})`);
  }
  if (content) {
    const insights = computeInsights(content, { asOf: today, since: values.since, team: values.team });
    io.stdout.write(values.format === 'json' ? `${JSON.stringify(insightsJson(insights), null, 2)}\n` : insightsText(insights));
  }
  if (errors.length > 0 || !content) {
    // The numbers leave out what did not load, and a date rule's error may mean a wrong date: say so, and exit 1.
    io.stderr.write(formatText({ ...result.summary, warnings: 0 }, errors, { color: wantsColor(io, io.stderr), sourceOf: sourceOnDisk }));
    io.stderr.write(
      content
        ? 'insights: the content has errors: the numbers above leave out features whose page did not load, and may count wrong dates\n'
        : 'insights: stopped: process.yaml or team.yaml has errors, so there is nothing to count (fix the errors above)\n',
    );
    return 1;
  }
  return 0;
}

const days = (value: number | null) => (value === null ? '–' : String(value));

/** Left-aligned first column, right-aligned numbers: a table that stays a table in a chat's monospace block. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The text report: compact enough to paste into a chat as one code block. */
export function insightsText(insights: Insights): string {
  const { leadTime, soak, targets } = insights;
  const filters = [insights.team && `team ${insights.team}`, insights.since && `since ${insights.since}`].filter(Boolean).join(', ');
  const lines: string[] = [`Release insights as of ${insights.asOf}${filters ? ` (${filters})` : ''}: ${plural(insights.features, 'feature')}`, ''];

  lines.push(
    ...table(
      ['Days in stage', 'left', 'median', 'p90'],
      insights.stages.slice(0, -1).map((s) => [s.stage.name, String(s.exited), days(s.medianDays), days(s.p90Days)]),
    ),
    '',
  );
  const lead = (name: string, d: Durations) => [name, String(d.count), days(d.medianDays), days(d.p90Days)];
  const { development, internal, public: last } = leadTime.from;
  lines.push(
    ...table(['Lead time (days)', 'features', 'median', 'p90'], [
      lead(`${development.name} → ${last.name}`, leadTime.developmentToPublic),
      lead(`${internal?.name ?? 'internal'} → ${last.name}`, leadTime.internalToPublic),
    ]),
    '',
  );
  const months = insights.throughput;
  lines.push(
    `Made public per month, ${months[0]!.month} to ${months[months.length - 1]!.month}:`,
    `  ${months.map((m) => MONTHS[Number(m.month.slice(5, 7)) - 1]!.padStart(4)).join('')}`,
    `  ${months.map((m) => String(m.count).padStart(4)).join('')}`,
    '',
  );
  lines.push(`In progress now: ${insights.wip.map((w) => `${w.stage.name} ${w.count}`).join(' · ')}`);
  lines.push(
    soak.stage
      ? `Soak: ${plural(soak.exited, 'feature')} left ${soak.stage.name}, ${soak.belowThreshold} after fewer than ${plural(soak.thresholdDays, 'day')}`
      : 'Soak: the process sets no soak stage',
  );
  lines.push(
    `Targets: ${targets.onTime} of ${targets.publicWithTarget} public on time` +
      (targets.medianSlipDays === null ? '' : `, late ones ${targets.medianSlipDays} days late (median)`) +
      `; ${plural(targets.passedNotPublic, 'feature')} past target and not public` +
      (targets.passed.length ? `: ${targets.passed.slice(0, 5).map((p) => `${p.feature} (${p.daysPast} days)`).join(', ')}${targets.passed.length > 5 ? ', …' : ''}` : ''),
  );
  const over = insights.ageing.filter((item) => item.over);
  lines.push(
    `Past their stage's limit: ${over.length === 0 ? 'none' : over.slice(0, 5).map((item) => `${item.feature} (${item.stage.name}, ${item.days} of ${item.limitDays} days)`).join(', ')}` +
      (over.length > 5 ? `, and ${over.length - 5} more` : ''),
  );
  return `${lines.join('\n')}\n`;
}
