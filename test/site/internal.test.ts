import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/engine/dates.ts';
import { publicProjection } from '../../src/views/public.ts';
import { buildInternalSite, repoRoot, type BuiltSite } from '../e2e/helpers/build-site.ts';
import { engineView } from './helpers/expected.ts';
import { readPage } from './helpers/html.ts';
import { pageTransfer } from './helpers/transfer.ts';

/**
 * Builds the shipped content once (as of 2026-11-21) and checks the pages
 * against the engine: stages, approvals, what is missing, the board's
 * columns, and people's queues. A few facts are also written out by hand
 * from content/, so a shared mistake in engine and site cannot pass.
 */
let site: BuiltSite;
const expected = engineView();
const { content, statuses, byId } = expected;

beforeAll(async () => {
  site = await buildInternalSite();
});
afterAll(() => site?.cleanup());

const page = (route: string) => readPage(site.dir, route);
const stageName = (id: string) => content.stageById.get(id)!.name;

describe('feature pages', () => {
  it('exist for every feature, and only features are under /features/<id>/', () => {
    const built = readdirSync(path.join(site.dir, 'features'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'table')
      .map((e) => e.name)
      .sort();
    expect(built).toEqual(content.features.map((f) => f.id).sort());
    expect(built.length).toBeGreaterThan(10);
  });

  it('show the stage badge and the search filters of each feature', () => {
    for (const status of statuses) {
      const p = page(`/features/${status.entry.id}/`);
      expect(p.text('.feature-facts .stage-badge'), status.entry.id).toBe(status.stage.name);
      const filters = Object.fromEntries(p.all('[data-pagefind-filter]').map((n) => [p.attr(n, 'data-pagefind-filter'), p.text(n)]));
      expect(filters).toEqual({
        kind: 'feature',
        stage: status.stage.name,
        owner: content.people.get(status.entry.data.owner)!.name,
        team: content.team.teams.find((t) => t.id === status.entry.data.team)!.name,
      });
    }
  });

  it('list every approval with who, role, stage and date', () => {
    for (const status of statuses) {
      const p = page(`/features/${status.entry.id}/`);
      const rows = p.all('table.approval-table tbody tr').map((row) => ({
        person: p.attr(row, 'data-person'),
        stage: p.attr(row, 'data-stage'),
        cells: p.all('td', row).map((cell) => p.text(cell)),
      }));
      expect(rows.map((r) => `${r.person}@${r.stage}`).sort(), status.entry.id).toEqual(
        status.entry.data.approvers.map((a) => `${a.person}@${a.stage}`).sort(),
      );
      for (const approval of status.entry.data.approvers) {
        const row = rows.find((r) => r.person === approval.person && r.stage === approval.stage)!;
        expect(row.cells[0]).toBe(content.people.get(approval.person)!.name);
        expect(row.cells[2]).toBe(stageName(approval.stage));
        expect(row.cells[3]).toBe(formatDate(approval.date));
      }
    }
  });

  it('list what is still missing for the next stage, as the engine computes it', () => {
    for (const status of statuses) {
      const p = page(`/features/${status.entry.id}/`);
      const heading = p.text('#next-stage');
      if (!status.next) {
        expect(heading).toBe('Final stage');
        continue;
      }
      expect(heading).toBe(`Still needed for ${status.next.name}`);
      const items = p.all('.missing-list li').map((li) => p.attr(li, 'data-requirement'));
      expect(items, status.entry.id).toEqual(status.missingForNext.map((r) => r.kind));
      if (status.missingForNext.length === 0) expect(p.maybe('.ready-for-next')).toBeDefined();
      const checklistRows = p.all('.checklist-table tbody tr');
      expect(checklistRows).toHaveLength(content.process.checklist.length);
      const missingChecklist = status.missingForNext.flatMap((r) => (r.kind === 'checklist' ? [r.item.id] : []));
      expect(checklistRows.filter((row) => p.attr(row, 'data-missing-next') === 'true').map((row) => p.attr(row, 'data-item'))).toEqual(
        missingChecklist,
      );
    }
  });

  it('show the facts of shipped features that the content states (written out by hand)', () => {
    const merge = page('/features/conversation-merge/');
    expect(merge.text('.feature-facts .stage-badge')).toBe('Beta Release');
    expect(merge.text('.validator-warnings')).toContain('soak-short');
    expect(merge.all('.missing-list li').map((li) => merge.text(li))).toEqual(
      expect.arrayContaining([expect.stringContaining('No open high-priority bug (open: acme/helpdesk#178)')]),
    );

    const bulk = page('/features/bulk-conversation-actions/');
    expect(bulk.text('.validator-warnings')).toContain('target-passed');
    expect(bulk.text('.missing-list')).toContain('Approval by a person with role Support (Gary McGrath)');
    expect(bulk.text('.missing-list')).toContain('Approval by a person with role Growth (James Doman-Pipe, Alicia Carney)');
    expect(bulk.text('.missing-list')).toContain('Logging and analytics validated for the critical flows');

    const snoozing = page('/features/conversation-snoozing/');
    expect(snoozing.text('.feature-facts .stage-badge')).toBe('Public Release');
    expect(snoozing.text('#next-stage')).toBe('Final stage');
    expect(snoozing.maybe('.validator-warnings')).toBeUndefined();
    expect(snoozing.text('.changelog-entry')).toContain('You can now snooze a conversation');
    expect(snoozing.attr(snoozing.one('.article-status'), 'data-docs')).toBe('published');
    // The timeline shows the stages it went through with their lengths.
    expect(snoozing.text('.timeline-stages li[data-stage="internal"]')).toContain('14 Sept 2026 to 1 Oct 2026: 17 days');

    const collision = page('/features/agent-collision-detection/');
    expect(collision.attr(collision.one('.timeline-stages li[data-stage="beta"]'), 'data-skipped')).toBe('true');
  });

  it('show bugs, article state, warnings and the body of every feature', () => {
    for (const status of statuses) {
      const p = page(`/features/${status.entry.id}/`);
      expect(p.all('.bug-table tbody tr')).toHaveLength(status.entry.data.bugs.length);
      expect(p.attr(p.one('.article-status'), 'data-docs')).toBe(status.docs);
      expect(p.all('.validator-warnings li')).toHaveLength(status.diagnostics.length);
      for (const d of status.diagnostics) expect(p.text('.validator-warnings')).toContain(d.message);
      // The MDX body is rendered under "Notes": its first sentence is on the page.
      // (Up to the first punctuation: smart quotes change the rest.)
      const firstLine = status.entry.file.body!.text.split('\n').find((line) => /^[A-Z]/.test(line))!;
      const words = /^[A-Za-z0-9 ,-]+/.exec(firstLine)![0].trim();
      expect(words.split(' ').length, status.entry.id).toBeGreaterThan(2);
      expect(p.text('.feature-notes')).toContain(words);
    }
  });

  it('link to the file in the repository, with a git date or no date', () => {
    for (const status of statuses) {
      const p = page(`/features/${status.entry.id}/`);
      const edit = p.all('a').find((a) => p.text(a) === 'Edit this page');
      expect(edit && p.attr(edit, 'href')).toBe(`https://github.com/acme/shiplog/edit/main/content/features/${status.entry.id}.mdx`);
      // A checkout either has the history (a <time>) or says the date is unknown; never a made-up date.
      const footer = p.text('footer');
      const time = p.maybe('footer time');
      expect(Boolean(time) || footer.includes('unknown (shallow clone)') || !footer.includes('Last updated')).toBe(true);
    }
    const editLink = (route: string) => {
      const p = page(route);
      const a = p.all('a').find((link) => p.text(link) === 'Edit this page');
      return a && p.attr(a, 'href');
    };
    expect(editLink('/stages/internal/')).toBe('https://github.com/acme/shiplog/edit/main/content/handbook/stages/internal.mdx');
    expect(editLink('/docs/using-dark-mode/')).toBe('https://github.com/acme/shiplog/edit/main/content/docs/using-dark-mode.mdx');
    // Generated pages have no file to edit.
    expect(editLink('/features/')).toBeUndefined();
    expect(editLink('/people/gary-mcgrath/')).toBeUndefined();
  });
});

describe('stage board', () => {
  it('puts every feature in the column of its stage, longest in stage first', () => {
    const p = page('/features/');
    const seen: string[] = [];
    for (const stage of content.stages) {
      const column = p.one(`[data-column="${stage.id}"]`);
      const cards = p.all('[data-feature-item]', column);
      const ids = cards.map((card) => p.attr(card, 'data-feature')!);
      seen.push(...ids);
      expect(ids.sort(), stage.id).toEqual(statuses.filter((s) => s.stage.id === stage.id).map((s) => s.entry.id).sort());
      const days = cards.map((card) => Number(p.attr(card, 'data-days')));
      expect(days).toEqual([...days].sort((a, b) => b - a));
      expect(p.text(p.one('[data-column-count]', column))).toBe(String(cards.length));
    }
    expect(seen.sort()).toEqual(content.features.map((f) => f.id).sort());
  });

  it('shows owner, team, days in stage and warning badges on each card', () => {
    const p = page('/features/');
    for (const status of statuses) {
      const card = p.one(`[data-feature-item][data-feature="${status.entry.id}"]`);
      expect(p.text(p.one('.card-people', card))).toBe(`${content.people.get(status.entry.data.owner)!.name} · Frontend Engineering`);
      expect(p.text(p.one('.card-time', card))).toContain(`${status.daysInStage} day`);
      expect(p.all('.card-warnings li', card).map((li) => p.text(li))).toEqual(status.diagnostics.map((d) => d.rule));
    }
  });

  it('offers team and owner filters as a GET form, and a table of every feature', () => {
    const p = page('/features/');
    const form = p.one('form[data-board-filters]');
    expect(p.attr(form, 'method')).toBe('get');
    const owners = p.all('select[name="owner"] option', form).map((o) => p.attr(o, 'value'));
    expect(owners.filter(Boolean).sort()).toEqual([...new Set(content.features.map((f) => f.data.owner))].sort());
    expect(p.all('select[name="team"] option', form).map((o) => p.attr(o, 'value'))).toEqual(['', 'frontend']);
    const table = page('/features/table/');
    expect(table.all('.board-table tbody tr[data-feature-item]').map((r) => table.attr(r, 'data-feature')).sort()).toEqual(
      content.features.map((f) => f.id).sort(),
    );
  });

  it('keeps features out of the sidebar', () => {
    for (const route of ['/', '/features/', '/features/conversation-merge/']) {
      const p = page(route);
      const links = p.all('nav[aria-label="Main"] a').map((a) => p.attr(a, 'href'));
      expect(links).toContain('/features/');
      expect(links.filter((href) => href?.startsWith('/features/') && href !== '/features/')).toEqual([]);
    }
  });
});

describe('people', () => {
  it('has a page for everyone in team.yaml', () => {
    for (const person of content.team.people) expect(page(`/people/${person.id}/`).text('h1')).toBe(person.name);
    // Each queue page names its Atom feed, for feed readers and as a visible link.
    for (const person of content.team.people) {
      const queue = page(`/people/${person.id}/`);
      expect(queue.attr(queue.one('link[rel="alternate"][type="application/atom+xml"]'), 'href')).toBe(`/people/${person.id}/feed.xml`);
      expect(queue.attr(queue.one('.queue-feed a'), 'href')).toBe(`/people/${person.id}/feed.xml`);
    }
  });

  it("queues for the Support lead the features whose next stage needs a support approval they lack", () => {
    const p = page('/people/gary-mcgrath/');
    const queued = p.all('[data-queue="approve"] tr[data-feature]').map((row) => p.attr(row, 'data-feature')!);
    const needsSupport = statuses.filter(
      (s) =>
        s.next?.requires.approvals.includes('support') &&
        !s.entry.data.approvers.some((a) => a.stage === s.next!.id && content.people.get(a.person)!.roles.includes('support')),
    );
    expect(queued.sort()).toEqual(needsSupport.map((s) => s.entry.id).sort());
    // Hand-checked: public features wait on nobody; a beta feature does.
    expect(queued).not.toContain('conversation-snoozing');
    expect(queued).toContain('bulk-conversation-actions');
  });

  it('queues for Growth the same for growth approvals', () => {
    const p = page('/people/alicia-carney/');
    const queued = p.all('[data-queue="approve"] tr[data-feature]').map((row) => p.attr(row, 'data-feature')!);
    const needsGrowth = statuses.filter(
      (s) =>
        s.next?.requires.approvals.includes('growth') &&
        !s.entry.data.approvers.some((a) => a.stage === s.next!.id && content.people.get(a.person)!.roles.includes('growth')),
    );
    expect(queued.sort()).toEqual(needsGrowth.map((s) => s.entry.id).sort());
    // Development features go to Internal Release next, which needs no growth approval.
    expect(queued.some((id) => byId.get(id)!.stage.id === 'development')).toBe(false);
  });

  it('queues for the docs writer the features in Internal or Beta without a ready article, soonest target first', () => {
    const p = page('/people/kelly-obrien/');
    const rows = p.all('[data-queue="write-docs"] tr[data-feature]');
    const queued = rows.map((row) => p.attr(row, 'data-feature')!);
    const waiting = statuses.filter((s) => ['internal', 'beta'].includes(s.stage.id) && ['missing', 'draft', 'unknown'].includes(s.docs));
    expect([...queued].sort()).toEqual(waiting.map((s) => s.entry.id).sort());
    // bulk-conversation-actions is the only one with a target date, so it leads.
    expect(queued[0]).toBe('bulk-conversation-actions');
    expect(p.attr(p.one('tr[data-feature="agent-dark-mode"]'), 'data-docs')).toBe('draft');
  });

  it("lists an engineer's features with what each still lacks", () => {
    const p = page('/people/dana-lee/');
    const owned = p.all('[data-queue="own"] li[data-feature]');
    const mine = statuses.filter((s) => s.entry.data.owner === 'dana-lee');
    expect(owned.map((li) => p.attr(li, 'data-feature')).sort()).toEqual(mine.map((s) => s.entry.id).sort());
    for (const status of mine) {
      const li = p.one(`[data-queue="own"] li[data-feature="${status.entry.id}"]`);
      expect(p.all('li[data-requirement]', li).map((r) => p.attr(r, 'data-requirement'))).toEqual(status.missingForNext.map((r) => r.kind));
    }
  });
});

describe('handbook', () => {
  it('shows on each stage page the rules from process.yaml and the features in the stage', () => {
    for (const stage of content.stages) {
      const handbookPage = content.handbook.find((h) => h.data.stage === stage.id)!;
      const p = page(`/${handbookPage.id}/`);
      expect(p.attr(p.one('.stage-mandatory'), 'data-mandatory')).toBe(String(stage.mandatory));
      const kinds = p.all('.stage-needs li').map((li) => p.attr(li, 'data-requirement'));
      const earlierMandatory = content.stages.filter((s) => s.mandatory && s.index < stage.index).map(() => 'mandatory-stage');
      const r = stage.requires;
      expect(kinds, stage.id).toEqual([
        ...earlierMandatory,
        ...r.approvals.map(() => 'approval'),
        ...r.checklist.map(() => 'checklist'),
        ...(r.flag ? ['flag'] : []),
        ...(r.noOpenHighBugs ? ['no-open-high-bugs'] : []),
        ...(r.docs ? ['docs'] : []),
        ...(r.changelog ? ['changelog'] : []),
      ]);
      for (const item of r.checklist) expect(p.text('.stage-needs')).toContain(content.process.checklist.find((c) => c.id === item)!.name);
      const listed = p.all('.features-in-stage tr[data-feature]').map((row) => p.attr(row, 'data-feature')).sort();
      expect(listed).toEqual(statuses.filter((s) => s.stage.id === stage.id).map((s) => s.entry.id).sort());
      expect(p.text('[data-pagefind-filter="stage"]')).toBe(stage.name);
    }
    // Written out by hand from process.yaml: only Internal Release is mandatory, and it needs Gary's role.
    const internal = page('/stages/internal/');
    expect(internal.text('.stage-mandatory')).toContain('Mandatory.');
    expect(internal.text('.stage-needs')).toContain('Approval by a person with role Support (Gary McGrath)');
    expect(internal.text('.stage-limits')).toContain('At least 7 days here');
    expect(page('/stages/beta/').text('.stage-mandatory')).toContain('Not mandatory.');
  });

  it('puts every handbook page in the sidebar in its order', () => {
    const p = page('/');
    const links = p.all('nav[aria-label="Main"] a').map((a) => p.attr(a, 'href'));
    for (const h of content.handbook) expect(links).toContain(h.id === 'index' ? '/' : `/${h.id}/`);
    const stages = links.filter((href) => href?.startsWith('/stages/'));
    expect(stages).toEqual(['/stages/development/', '/stages/internal/', '/stages/beta/', '/stages/public/']);
  });

  it('gives the team page an anchor per person, each once', () => {
    const p = page('/team/');
    const ids = p.all('[id]').map((n) => p.attr(n, 'id'));
    for (const person of content.team.people) expect(ids.filter((id) => id === person.id), person.id).toHaveLength(1);
  });

  it('rewrites relative .mdx links to site routes', () => {
    const p = page('/stages/internal/');
    const hrefs = p.all('.sl-markdown-content a').map((a) => p.attr(a, 'href'));
    expect(hrefs).toContain('/team/#gary-mcgrath');
    expect(hrefs).toContain('/rollout-checklist/#before-merge');
    expect(hrefs.filter((href) => href?.endsWith('.mdx') || href?.includes('.mdx#'))).toEqual([]);
  });

  it('marks handbook, feature and article pages for search, and not the board or people', () => {
    expect(page('/stages/internal/').html).toContain('data-pagefind-body');
    expect(page('/features/conversation-merge/').html).toContain('data-pagefind-body');
    expect(page('/docs/using-dark-mode/').html).toContain('data-pagefind-body');
    expect(page('/features/').html).not.toContain('data-pagefind-body');
    expect(page('/people/gary-mcgrath/').html).not.toContain('data-pagefind-body');
  });
});

describe('article previews', () => {
  it('mark each article published or upcoming, as the public projection decides', () => {
    const published = new Set(publicProjection(content).articles.map((a) => a.id));
    for (const doc of content.docs) {
      const p = page(`/docs/${doc.id}/`);
      const state = p.attr(p.one('[data-article-state]'), 'data-article-state');
      expect(state === 'published', doc.id).toBe(published.has(doc.id));
      if (state !== 'published') expect(p.text('[data-article-state]')).toContain('Upcoming: not yet public');
    }
    expect(page('/docs/using-dark-mode/').text('[data-article-state]')).toContain('Upcoming: not yet public');
    expect(page('/docs/snoozing-conversations/').text('[data-article-state]')).toContain('Published');
  });
});

describe('the build', () => {
  it('stops before Astro on content with errors, printing the diagnostics', async () => {
    await expect(buildInternalSite({ content: path.join(repoRoot, 'test/fixtures/rules/people') })).rejects.toThrow(/unknown-person/);
  });
});

describe('HTML and weight', () => {
  it('passes the Nu Html Checker with no errors on every page', () => {
    const pages = readdirSync(site.dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => path.join(e.parentPath, e.name));
    expect(pages.length).toBeGreaterThan(40);
    const jar = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.error).toBeUndefined();
    // vnu prints its JSON report on stderr.
    const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; extract?: string }[] };
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    expect(errors.map((m) => `${path.relative(site.dir, m.url.replace(/^file:/, ''))}: ${m.message}`)).toEqual([]);
  }, 120_000);

  it('keeps every feature page within 60 KB gzipped (HTML, CSS and JS, not search)', () => {
    const sizes = content.features.map((f) => ({ id: f.id, ...pageTransfer(site.dir, `/features/${f.id}/`) }));
    for (const size of sizes) {
      expect(size.total, size.id).toBeLessThanOrEqual(60 * 1024);
      expect(size.files.some((f) => f.includes('pagefind'))).toBe(false);
      expect(size.css).toBeGreaterThan(0);
    }
  });
});
