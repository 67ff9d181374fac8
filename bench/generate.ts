/**
 * Writes a synthetic content root for the benchmarks: the shipped process,
 * team, handbook and docs, plus N generated feature pages that are valid
 * against that process (zero errors on the bench's `today`). The generator
 * reads the process and team as data, so it keeps producing valid pages when
 * the shipped process.yaml or team.yaml change.
 *
 * Generation is seeded: the same N and seed give byte-identical files, so
 * runs on different days (or before and after an optimisation) compare like
 * with like.
 *
 * Usage: node bench/generate.ts N [OUT_DIR] [--seed S]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, daysBetween } from '../src/engine/dates.ts';
import { loadContent } from '../src/engine/load.ts';
import type { Content, IndexedStage } from '../src/engine/model.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const shippedContent = path.join(repoRoot, 'content');
export const BENCH_TODAY = '2026-11-21';
export const DEFAULT_SEED = 20261121;

/** mulberry32: tiny, fast, and good enough to vary synthetic content deterministically. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof prng>;

const areas = [
  'conversation', 'inbox', 'ticket', 'macro', 'sla', 'report', 'agent', 'customer', 'help-center', 'messenger',
  'email', 'automation', 'tag', 'team', 'queue', 'search', 'timeline', 'composer', 'attachment', 'survey',
  'knowledge-base', 'workflow', 'notification', 'dashboard', 'organization', 'contact', 'chat', 'routing', 'webhook', 'audit-log',
] as const;
const things = [
  'filters', 'previews', 'shortcuts', 'templates', 'alerts', 'exports', 'views', 'merge', 'snoozing', 'suggestions',
  'mentions', 'drafts', 'labels', 'assignment', 'escalation', 'history', 'insights', 'sharing', 'reminders', 'bulk-edit',
  'permissions', 'sorting', 'grouping', 'scheduling', 'translations', 'signatures', 'digest', 'presence', 'ratings', 'sync',
  'import', 'archiving', 'pinning', 'search', 'badges', 'limits', 'fallbacks', 'batching', 'threads', 'widgets',
] as const;
const qualifiers = [
  'v2', 'beta', 'lite', 'plus', 'for-teams', 'on-mobile', 'in-bulk', 'by-role', 'per-brand', 'inline',
  'offline', 'realtime', 'smart', 'custom', 'quick', 'shared', 'scoped', 'nested', 'weekly', 'multi-brand',
] as const;
const problems = [
  'Agents on busy teams lose track of conversations that need a second look, and customers notice when a promised follow-up never arrives.',
  'Team leads export data to spreadsheets every Monday to answer questions the product should answer directly, and the numbers rarely match.',
  'Support asked for this repeatedly in the last two quarterly reviews: the current workflow takes five clicks for something agents do dozens of times a day.',
  'Large accounts with several brands cannot keep their settings apart, so an administrator edits the wrong brand and customers see the wrong footer.',
  'New agents take weeks to learn where things are; the help articles describe screens that changed twice since they were written.',
  'Self-hosted customers reported that the old behaviour breaks on slow networks and leaves half-saved changes behind without telling anyone.',
];
const approaches = [
  'The change reuses the existing realtime channel instead of adding a new one, so it costs no extra connections per open tab.',
  'Everything is behind a single feature flag; the old code path stays in place until the flag has been on for everyone for a full release.',
  'The settings live on the team, not on the agent, because Support found that per-agent settings drift apart within a week.',
  'A small server-side job does the heavy lifting in batches of a hundred, which keeps the page responsive even on the largest inboxes.',
  'The interface follows the existing patterns in the conversation header, so it needs no new onboarding and no new keyboard shortcuts.',
  'Metrics are recorded for every step of the flow so the analytics review can check adoption and error rates before launch.',
];
const decisions = [
  'Out of scope for the first release: the mobile apps, which will follow once the web behaviour has settled.',
  'Defaults are conservative; administrators can switch the behaviour on per team after launch.',
  'We decided against an email digest for now: Support prefers the in-app list, and Growth will ask beta customers.',
  'Permissions follow the existing role model; no new permission is introduced.',
  'The feature degrades gracefully when the realtime connection drops: it falls back to polling every thirty seconds.',
  'Accessibility was reviewed with a screen reader and keyboard only; focus order follows the visual order.',
];
const rolloutNotes = [
  'Gary assigned three support agents to test it actively during Internal Release.',
  'Beta customers were chosen by Growth from accounts that asked for this in their last business review.',
  'Soak time in the internal and demo instances showed no regressions in the timeline or the composer.',
  'One high-priority bug found during internal testing was fixed before the next stage.',
  'Analytics were validated on the internal instance for the critical flows before launch.',
  'Kelly has the screenshots and the wording she needs for the self-service article.',
];
const verbs = ['Agents can now', 'Team leads can', 'Administrators can', 'Customers can', 'Everyone can'];
const actions = [
  'find what they need faster', 'keep related work together', 'see changes as they happen', 'set it up per team',
  'undo a change they did not mean', 'share their work with the rest of the team', 'plan their day around it',
];

interface GeneratedFeature {
  id: string;
  text: string;
}

/** The synthetic feature ids: unique, realistic slugs. Ids the shipped docs and handbook refer to come first. */
function featureIds(random: Random, count: number, reserved: readonly string[]): string[] {
  const ids = new Set<string>(reserved.slice(0, count));
  while (ids.size < count) {
    const parts: string[] = [random.pick(areas), random.pick(things)];
    if (random.chance(0.5)) parts.push(random.pick(qualifiers));
    let id = parts.join('-');
    for (let n = 2; ids.has(id); n++) id = `${parts.join('-')}-${n}`;
    ids.add(id);
  }
  return [...ids];
}

function titleOf(id: string): string {
  const words = id.replace(/-\d+$/, '').split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function paragraph(random: Random, pool: readonly string[], sentences: number): string {
  // Distinct sentences: a partial Fisher-Yates shuffle of the pool.
  const chosen = [...pool];
  for (let i = 0; i < Math.min(sentences, chosen.length); i++) {
    const j = random.int(i, chosen.length - 1);
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  chosen.length = Math.min(sentences, chosen.length);
  // Wrap at about 76 columns, as the shipped pages are.
  const words = chosen.join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > 76) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * One valid feature page. Dates are laid out backwards from today so that
 * every time-based rule holds: the current stage is younger than its stale
 * limit, every gap after a stage is longer than the soak time, approvals and
 * checklist items come before the stage they gate, nothing is in the future.
 */
function featurePage(random: Random, content: Content, id: string, today: string, readyDocs: readonly string[], allDocs: readonly string[], bugCounter: { next: number }): GeneratedFeature {
  const stages = content.stages;
  const last = stages[stages.length - 1]!;
  const weights = stages.map((_, index) => (index === stages.length - 1 ? 0.45 : 0.55 / (stages.length - 1)));
  let roll = random.next();
  let current = stages[0]!;
  for (const [index, weight] of weights.entries()) {
    roll -= weight;
    current = stages[index]!;
    if (roll < 0) break;
  }

  // Which stages up to the current one were entered: the first, every mandatory one, the current, most others.
  const entered = stages.filter((s) => s.index <= current.index && (s.index === 0 || s.mandatory || s.index === current.index || random.chance(0.7)));
  const minGap = Math.max(8, (content.process.soak?.days ?? 0) + 1);
  const currentAge = current.staleAfterDays ? random.int(0, current.staleAfterDays - 1) : random.int(0, 700);
  const dates = new Map<string, string>();
  let date = addDays(today, -currentAge);
  for (let i = entered.length - 1; i >= 0; i--) {
    dates.set(entered[i]!.id, date);
    // Checklist items come before the stage they gate, so leave room for them after the previous stage.
    date = addDays(date, -(minGap + random.int(12, 70)));
  }

  const people = content.team.people;
  const holders = (role: string) => people.filter((p) => p.roles.includes(role));
  const owner = random.pick(holders(content.process.ownerRole));
  const approvals: { person: string; stage: string; date: string }[] = [];
  const checklist = new Map<string, string>();
  // Each approval is given a few days before its stage is entered (or before today, for a pre-approval).
  const approve = (stage: IndexedStage, by: string) => {
    for (const role of stage.requires.approvals) {
      const person = random.pick(holders(role));
      if (approvals.some((a) => a.person === person.id && a.stage === stage.id)) continue;
      approvals.push({ person: person.id, stage: stage.id, date: addDays(by, -random.int(0, 5)) });
    }
  };
  for (const stage of entered) {
    const on = dates.get(stage.id)!;
    approve(stage, on);
    for (const item of stage.requires.checklist) checklist.set(item, addDays(on, -random.int(1, 10)));
  }
  // Pre-approvals for the next stage are allowed and common just before a move.
  const next = stages[current.index + 1];
  if (next && random.chance(0.25)) approve(next, today);
  // Some before-merge work is recorded while still in development.
  if (current.index === 0 && next && random.chance(0.5)) {
    for (const item of next.requires.checklist) {
      const day = addDays(dates.get(current.id)!, random.int(1, 20));
      if (day <= today && random.chance(0.5)) checklist.set(item, day);
    }
  }
  const launched = dates.get(last.id);
  const postLaunch = content.process.postLaunch;
  if (current === last && launched && postLaunch) {
    const due = daysBetween(launched, today) >= postLaunch.days;
    for (const item of postLaunch.checklist) {
      const day = addDays(launched, random.int(1, postLaunch.days));
      if (day <= today && (due || random.chance(0.5))) checklist.set(item, day);
    }
  }

  const reached = (needs: (stage: IndexedStage) => boolean) => stages.some((s) => s.index <= current.index && needs(s));
  const needsFlag = reached((s) => s.requires.flag);
  const flag = needsFlag || random.chance(0.5) ? (random.chance(0.8) ? id : `ff.${id.replaceAll('-', '_')}`) : undefined;
  const noOpenHigh = reached((s) => s.requires.noOpenHighBugs);
  const needsDocs = reached((s) => s.requires.docs);
  const needsChangelog = reached((s) => s.requires.changelog);

  const bugs: { url: string; priority: string; status: string; title?: string }[] = [];
  const bugCount = current.index === 0 ? random.int(0, 1) : random.int(0, 4);
  for (let i = 0; i < bugCount; i++) {
    const priority = random.chance(0.3) ? 'high' : 'low';
    // Shipped pages keep their low bugs open now and then (a warning, not an error); high ones are closed by then.
    const status = noOpenHigh ? (priority === 'low' && random.chance(0.03) ? 'open' : 'closed') : random.chance(0.5) ? 'open' : 'closed';
    bugs.push({
      url: `https://github.com/acme/helpdesk/issues/${(bugCounter.next += random.int(1, 7))}`,
      priority,
      status,
      ...(random.chance(0.4) ? { title: `${titleOf(random.pick(things))} ${random.pick(['misaligned', 'slow', 'missing on reload', 'wrong in dark mode'])}` } : {}),
    });
  }

  let docs: string | undefined;
  if (needsDocs) docs = readyDocs.length && random.chance(0.7) ? random.pick(readyDocs) : 'none';
  else if (random.chance(0.3)) docs = allDocs.length && random.chance(0.6) ? random.pick(allDocs) : 'none';

  const y: string[] = ['---'];
  y.push(`title: ${titleOf(id)}`);
  y.push(`summary: ${random.pick(verbs)} ${random.pick(actions)} with ${titleOf(id).toLowerCase()}.`);
  y.push(`owner: ${owner.id}`);
  if (owner.team && random.chance(0.8)) y.push(`team: ${owner.team}`);
  y.push(`stage: ${current.id}`);
  if (flag) y.push(`flag: ${flag}`);
  y.push('dates:');
  for (const stage of stages) if (dates.has(stage.id)) y.push(`  ${stage.id}: ${random.chance(0.1) ? `"${dates.get(stage.id)}"` : dates.get(stage.id)}`);
  if (current !== last && random.chance(0.4)) y.push(`target: ${addDays(today, random.int(0, 120))}`);
  else if (current === last && random.chance(0.3)) y.push(`target: ${addDays(launched!, random.int(-10, 10))}`);
  if (approvals.length) {
    y.push('approvers:');
    for (const a of approvals) y.push(`  - person: ${a.person}`, `    stage: ${a.stage}`, `    date: ${a.date}`);
  }
  if (checklist.size) {
    y.push('checklist:');
    const order = content.process.checklist.map((item) => item.id);
    for (const item of order) if (checklist.has(item)) y.push(`  ${item}: ${checklist.get(item)}`);
  }
  if (bugs.length) {
    y.push('bugs:');
    for (const bug of bugs) {
      y.push(`  - url: ${bug.url}`, `    priority: ${bug.priority}`, `    status: ${bug.status}`);
      if (bug.title) y.push(`    title: ${bug.title}`);
    }
  }
  if (docs) y.push(`docs: ${docs}`);
  if (current === last && launched) {
    const month = addDays(launched, random.int(0, 30)).slice(0, 7).replace('-', '.');
    if (random.chance(0.6)) y.push(`release: "${month}"`);
  }
  if (needsChangelog || (current.index > 0 && random.chance(0.3))) {
    y.push('changelog:', `  category: ${random.pick(['new', 'improved', 'fixed'])}`);
    const text = `${random.pick(verbs)} ${random.pick(actions)}: ${titleOf(id).toLowerCase()} ${random.pick(['is here', 'works everywhere in the app', 'now respects team settings'])}.`;
    y.push(random.chance(0.5) ? `  text: ${JSON.stringify(text)}` : `  text: >-\n    ${text}`);
  }
  y.push('---');

  const body: string[] = ['## The problem', '', paragraph(random, problems, random.int(2, 3)), '', '## The approach', '', paragraph(random, approaches, random.int(2, 4)), ''];
  if (random.chance(0.7)) {
    body.push('Decisions:', '');
    for (let i = random.int(2, 4); i > 0; i--) body.push(`- ${random.pick(decisions)}`);
    body.push('');
  }
  if (current.index > 0) body.push('## Rollout notes', '', paragraph(random, rolloutNotes, random.int(1, 3)), '');
  return { id, text: `${y.join('\n')}\n${body.join('\n')}` };
}

export interface GenerateOptions {
  count: number;
  out: string;
  seed?: number;
  today?: string;
  source?: string;
}

/**
 * Replaces `out` with a content root holding `count` synthetic features.
 * Written to a sibling folder first and renamed, so an interrupted run never
 * leaves a half-written root that a later run would mistake for a good one.
 */
export function generateContentRoot({ count, out, seed = DEFAULT_SEED, today = BENCH_TODAY, source = shippedContent }: GenerateOptions): void {
  const shipped = loadContent(source);
  if (!shipped.content) throw new Error(`the shipped content root ${source} has an unusable process.yaml or team.yaml; fix that first`);
  const content = shipped.content;
  const random = prng(seed ^ count);
  const docIds = [...content.docFileIds].sort();
  const readyDocs = content.docs.filter((d) => d.data.ready).map((d) => d.id).sort();
  // Docs pages and handbook links name shipped features; keep those ids so the synthetic root has no dangling references.
  const reserved = [...new Set([...content.docs.flatMap((d) => (d.data.feature ? [d.data.feature] : [])), ...content.featureFileIds])].sort();

  const staging = `${out}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, 'features'), { recursive: true });
  for (const name of ['process.yaml', 'team.yaml']) cpSync(path.join(source, name), path.join(staging, name));
  for (const folder of ['handbook', 'docs']) if (existsSync(path.join(source, folder))) cpSync(path.join(source, folder), path.join(staging, folder), { recursive: true });
  const bugCounter = { next: 1000 };
  for (const id of featureIds(random, count, reserved)) {
    const feature = featurePage(random, content, id, today, readyDocs, docIds, bugCounter);
    writeFileSync(path.join(staging, 'features', `${feature.id}.mdx`), feature.text);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.dirname(out), { recursive: true });
  renameSync(staging, out);
}

export function countFeatures(root: string): number {
  return readdirSync(path.join(root, 'features')).filter((name) => name.endsWith('.mdx')).length;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : DEFAULT_SEED;
  const count = Number(args[0]);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    process.stderr.write('Usage: node bench/generate.ts N [OUT_DIR] [--seed S]\n');
    process.exit(2);
  }
  const out = path.resolve(args[1] ?? path.join(repoRoot, 'bench/.work', `content-${count}`));
  generateContentRoot({ count, out, seed });
  process.stdout.write(`${out}: ${countFeatures(out)} features\n`);
}
