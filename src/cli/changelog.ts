import { releaseNotesMarkdown } from '../views/changelog-markdown.ts';
import { isCalendarDate } from '../engine/dates.ts';
import { publicProjection, UnsafeArticleError, UnsafeImageError, type PublicProjection } from '../views/public.ts';
import { formatText } from '../engine/reporters/text.ts';
import { UsageError } from '../engine/load.ts';
import { validateRoot } from '../engine/validate.ts';
import { parseSettings, settingsFromEnvironment } from '../sites/integration/settings.ts';
import { envOf, type CommandIo } from './io.ts';
import { checkToday, contentRootOf, parse } from './options.ts';
import { sourceOnDisk, wantsColor } from './report.ts';

const usage = `Usage: npm run changelog -- --format md [--since YYYY-MM-DD] [--release YYYY.MM] [--content DIR] [--today YYYY-MM-DD]

Prints the public changelog as Markdown release notes, grouped by category,
newest first. The same entries the public site shows: only public features,
and none whose changelog.publish date is after today (--today).
  --since D     entries that became public on or after D
  --release R   entries carried by the monthly self-hosted release R (e.g. 2026.12)
Links point at the public site (SHIPLOG_PUBLIC_URL, default ${parseSettings({ site: 'public' }).publicUrl}).
Exit: 0 printed, 1 the content has errors (listed on stderr), 2 could not run.
`;

export async function changelogCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parse(
    args,
    {
      format: { type: 'string', default: 'md' },
      since: { type: 'string' },
      release: { type: 'string' },
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
  if (values.format !== 'md') throw new UsageError(`--format must be md, not "${values.format}"`);
  if (values.since !== undefined && !isCalendarDate(values.since)) {
    throw new UsageError(`--since must be a real date written YYYY-MM-DD, not "${values.since}"`);
  }
  if (values.release !== undefined && !/^\d{4}\.\d{2}$/.test(values.release)) {
    throw new UsageError(`--release must be a release name like 2026.12, not "${values.release}"`);
  }
  const today = checkToday(values.today);

  // A feature file with an error is left out of the projection; release notes
  // that silently miss a feature are worse than none, so errors stop here.
  const result = validateRoot(contentRootOf(io, values.content), { today, cwd: io.cwd });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.load.content) {
    io.stderr.write(formatText({ ...result.summary, warnings: 0 }, errors, { color: wantsColor(io, io.stderr), sourceOf: sourceOnDisk }));
    io.stderr.write('changelog: stopped: fix the errors above first (nothing was printed)\n');
    return 1;
  }
  // Embargoes end on the same day for the notes as for the site the same --today builds.
  let projection: PublicProjection;
  try {
    projection = publicProjection(result.load.content, { today });
  } catch (error) {
    // With the rule that reports it switched off, validate passes what the public site still refuses.
    if (!(error instanceof UnsafeArticleError || error instanceof UnsafeImageError)) throw error;
    io.stderr.write(`changelog: stopped: ${error.message}\n`);
    return 1;
  }
  // SHIPLOG_PUBLIC_URL from the command's environment, as the public site's build reads it.
  const siteUrl = parseSettings(settingsFromEnvironment('public', envOf(io))).publicUrl;
  io.stdout.write(releaseNotesMarkdown(projection, { since: values.since, release: values.release, siteUrl }));
  return 0;
}
