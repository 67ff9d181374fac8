import type { Process, Team } from '../engine/schemas/index.ts';
import { transitionDate, type StageTransition } from './history.ts';

/**
 * Stage transitions as announcements: who must act and what they must do,
 * read from the `announce` lists of process.yaml and the roles of team.yaml
 * (data, not code), and the four ways `npm run announce` prints them: text
 * for people, the JSON of cli.md, a Markdown digest, and a Slack
 * incoming-webhook payload (Block Kit, with a Markdown `text` that
 * Mattermost and Rocket.Chat show).
 */

/** One person (or everyone) who must act on a transition. */
export interface Notify {
  /** A person id from team.yaml; null for `role: everyone`, or when nobody holds the role. */
  person: string | null;
  role: string;
  action: string;
}

/** A transition as cli.md's JSON gives it. */
export interface Announcement {
  feature: string;
  title: string;
  from: string | null;
  to: string;
  date: string;
  commit: string;
  author: string;
  pr: number | null;
  target: string | null;
  notify: Notify[];
}

export interface AnnouncementReport {
  from: string;
  to: string;
  transitions: Announcement[];
}

/** What the human formats need beyond the JSON: names, addresses, the full commit. */
export interface AnnounceContext {
  process: Process;
  team: Team;
  /** Where the repository is browsed (commit and pull-request links). */
  repoUrl: string;
  /** The internal site (feature pages). */
  internalUrl: string;
}

const SHORT = 7;
export const shortSha = (sha: string) => sha.slice(0, SHORT);

/** The people who must act on entering `stage`: each `announce` entry, with everyone holding its role. */
export function notifyFor(process: Process, team: Team, stage: string): Notify[] {
  const entries = process.stages.find((s) => s.id === stage)?.announce ?? [];
  return entries.flatMap(({ role, action }): Notify[] => {
    if (role === 'everyone') return [{ person: null, role, action }];
    const holders = team.people.filter((person) => person.roles.includes(role));
    // Nobody holds the role: the action is still said, to no one by name.
    return holders.length > 0 ? holders.map((person) => ({ person: person.id, role, action })) : [{ person: null, role, action }];
  });
}

/** Transitions (each once, in the order given) as announcements. */
export function announcementsFor(transitions: readonly StageTransition[], process: Process, team: Team): Announcement[] {
  const seen = new Set<string>();
  const announcements: Announcement[] = [];
  for (const t of transitions) {
    // One run announces a transition once, however it reached the list.
    const key = `${t.feature}\0${t.from}\0${t.to}\0${t.commit.sha}`;
    if (seen.has(key)) continue;
    seen.add(key);
    announcements.push({
      feature: t.feature,
      title: t.snapshot.title ?? t.feature,
      from: t.from,
      to: t.to,
      date: transitionDate(t),
      commit: shortSha(t.commit.sha),
      author: t.commit.author,
      pr: t.commit.pr,
      target: t.snapshot.target ?? null,
      notify: notifyFor(process, team, t.to),
    });
  }
  return announcements;
}

/** Facts the messages say, worked out once for every format. */
interface Described {
  a: Announcement;
  stage: string;
  fromStage: string | null;
  featureUrl: string;
  commitUrl: string;
  prUrl: string | undefined;
  approvedBy: string[];
  /** [who, what] per notify entry. */
  actions: [string, string][];
}

function describe(report: AnnouncementReport, context: AnnounceContext, full: ReadonlyMap<string, { sha: string; approvers: string[] }>): Described[] {
  const stageName = (id: string) => context.process.stages.find((s) => s.id === id)?.name ?? id;
  const roleName = (id: string) => (id === 'everyone' ? 'Everyone' : (context.process.roles.find((r) => r.id === id)?.name ?? id));
  const personName = (id: string) => context.team.people.find((p) => p.id === id)?.name ?? id;
  const base = context.internalUrl.replace(/\/$/, '');
  return report.transitions.map((a) => {
    const extra = full.get(`${a.feature}\0${a.commit}\0${a.to}`);
    return {
      a,
      stage: stageName(a.to),
      fromStage: a.from === null ? null : stageName(a.from),
      featureUrl: `${base}/features/${a.feature}/`,
      commitUrl: `${context.repoUrl}/commit/${extra?.sha ?? a.commit}`,
      prUrl: a.pr === null ? undefined : `${context.repoUrl}/pull/${a.pr}`,
      approvedBy: (extra?.approvers ?? []).map(personName),
      actions: a.notify.map((n) => [n.person === null ? (n.role === 'everyone' ? 'Everyone' : `${roleName(n.role)} (nobody holds this role)`) : `${personName(n.person)} (${roleName(n.role)})`, n.action]),
    };
  });
}

/** The full commit and the approvers of the stage entered, for links and the "approved by" line. */
export function announcementExtras(transitions: readonly StageTransition[]): Map<string, { sha: string; approvers: string[] }> {
  return new Map(
    transitions.map((t) => [
      `${t.feature}\0${shortSha(t.commit.sha)}\0${t.to}`,
      { sha: t.commit.sha, approvers: [...new Set(t.snapshot.approvals.filter((ap) => ap.stage === t.to).map((ap) => ap.person))] },
    ]),
  );
}

const expected = (a: Announcement) => (a.target ? `expected publicly on ${a.target}` : 'no public target date set');

/** For people reading a terminal or a CI log. */
export function announcementText(report: AnnouncementReport, context: AnnounceContext, extras: ReadonlyMap<string, { sha: string; approvers: string[] }> = new Map()): string {
  const items = describe(report, context, extras);
  if (items.length === 0) return `No stage changes from ${report.from} to ${report.to}.\n`;
  const lines = [`${items.length} stage change${items.length === 1 ? '' : 's'} from ${report.from} to ${report.to}`];
  for (const d of items) {
    lines.push('');
    lines.push(`${d.a.title} entered ${d.stage}${d.fromStage ? ` (from ${d.fromStage})` : ' (new feature)'} on ${d.a.date}; ${expected(d.a)}.`);
    lines.push(`  ${d.featureUrl}`);
    lines.push(`  Moved in ${d.a.commit} by ${d.a.author}${d.a.pr === null ? '' : ` (pull request #${d.a.pr})`}.`);
    if (d.approvedBy.length) lines.push(`  Approved by ${d.approvedBy.join(', ')}.`);
    if (d.actions.length === 0) lines.push('  Nobody is asked to act (process.yaml has no announce list for this stage).');
    for (const [who, what] of d.actions) lines.push(`  - ${who}: ${what}`);
  }
  return `${lines.join('\n')}\n`;
}

/** cli.md's JSON document. */
export function announcementJson(report: AnnouncementReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Markdown special characters escaped, and `@name` broken so that a title
 * cannot ping a channel (`@channel`, `@here`) where the digest is pasted.
 */
function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/@(?=\w)/g, '@\u200b');
}

/** A digest to paste or mail. */
export function announcementMarkdown(report: AnnouncementReport, context: AnnounceContext, extras: ReadonlyMap<string, { sha: string; approvers: string[] }> = new Map()): string {
  const items = describe(report, context, extras);
  const lines = [`# Stage changes from ${report.from} to ${report.to}`, ''];
  if (items.length === 0) lines.push('No feature changed stage.');
  for (const d of items) {
    lines.push(`## [${markdownText(d.a.title)}](${d.featureUrl}): ${d.fromStage ? `${markdownText(d.fromStage)} → ` : 'new in '}${markdownText(d.stage)}`, '');
    const pr = d.prUrl ? ` in [#${d.a.pr}](${d.prUrl})` : '';
    lines.push(`Entered ${markdownText(d.stage)} on ${d.a.date}; ${expected(d.a)}. Moved in [${d.a.commit}](${d.commitUrl}) by ${markdownText(d.a.author)}${pr}.`);
    if (d.approvedBy.length) lines.push(`Approved by ${d.approvedBy.map(markdownText).join(', ')}.`);
    lines.push('');
    for (const [who, what] of d.actions) lines.push(`- **${markdownText(who)}**: ${markdownText(what)}`);
    if (d.actions.length) lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Slack's mrkdwn: `&`, `<` and `>` escaped (so no `<!channel>`), and `@name` broken as in Markdown. */
function slackText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@(?=\w)/g, '@\u200b');
}

/** A Slack incoming-webhook message. */
export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

/** Slack takes at most 50 blocks per message; each transition takes three, the heading one. */
const TRANSITIONS_PER_MESSAGE = 15;
const SECTION_LIMIT = 3000;
const clip = (value: string, limit: number) => (value.length <= limit ? value : `${value.slice(0, limit - 1)}…`);

/**
 * The Slack payloads: one message, or one per 15 transitions when there are
 * more (Slack's block limit). Each transition is in exactly one message.
 */
export function slackMessages(report: AnnouncementReport, context: AnnounceContext, extras: ReadonlyMap<string, { sha: string; approvers: string[] }> = new Map()): SlackMessage[] {
  const items = describe(report, context, extras);
  const messages: SlackMessage[] = [];
  for (let start = 0; start < items.length; start += TRANSITIONS_PER_MESSAGE) {
    const chunk = items.slice(start, start + TRANSITIONS_PER_MESSAGE);
    const part = items.length > TRANSITIONS_PER_MESSAGE ? ` (${start + 1}-${start + chunk.length} of ${items.length})` : '';
    const heading = `Stage changes ${report.from}..${report.to}${part}`;
    const blocks: Record<string, unknown>[] = [{ type: 'header', text: { type: 'plain_text', text: clip(heading, 150) } }];
    for (const d of chunk) {
      const move = `${d.fromStage ? `${slackText(d.fromStage)} → ` : ''}*${slackText(d.stage)}*`;
      const who = d.actions.map(([name, what]) => `• *${slackText(name)}*: ${slackText(what)}`).join('\n');
      const body = [
        `*<${d.featureUrl}|${slackText(d.a.title)}>*: ${move} on ${d.a.date}; ${expected(d.a)}.`,
        ...(d.approvedBy.length ? [`Approved by ${d.approvedBy.map(slackText).join(', ')}.`] : []),
        ...(who ? [who] : []),
      ].join('\n');
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(body, SECTION_LIMIT) } });
      const pr = d.prUrl ? ` in <${d.prUrl}|#${d.a.pr}>` : '';
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`<${d.commitUrl}|${d.a.commit}> by ${slackText(d.a.author)}${pr}`, SECTION_LIMIT) }] });
      blocks.push({ type: 'divider' });
    }
    blocks.pop();
    const digest = announcementMarkdown({ ...report, transitions: chunk.map((d) => d.a) }, context, extras).replace(/^# .*\n\n/, `**${heading}**\n\n`);
    messages.push({ text: digest, blocks });
  }
  return messages;
}
