import { existsSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInternalSite, repoRoot, type BuiltSite } from '../e2e/helpers/build-site.ts';
import { readPage, type Page } from './helpers/html.ts';

/**
 * /insights/ built from the hand-worked fixture of test/views/insights.test.ts
 * (as of 2026-11-21): every chart is an accessible SVG with a title, a
 * description and its numbers in a table; the team pages exist and are
 * linked without JavaScript; the home page, the board and the sidebar link
 * to the page.
 */
let site: BuiltSite;

beforeAll(async () => {
  site = await buildInternalSite({ content: path.join(repoRoot, 'test/fixtures/insights/numbers') });
});
afterAll(() => site?.cleanup());

const page = (route: string) => readPage(site.dir, route);
const BLOCKS = ['time-in-stage', 'lead-time', 'throughput', 'work-in-progress', 'soak', 'targets', 'ageing'];

/** The rows of a table as text, header row first. */
function rows(p: Page, table: Element): string[][] {
  return p.all('tr', table).map((row) => p.all('th, td', row).map((cell) => p.text(cell)));
}

/** A block's table whose caption starts with `caption`. */
function table(p: Page, block: string, caption: string): Element {
  const found = p.all(`[data-insights-block="${block}"] table`).find((t) => p.text(p.one('caption', t)).startsWith(caption));
  if (!found) throw new Error(`${p.route}: no table "${caption}" in ${block}`);
  return found;
}

describe('/insights/', () => {
  it('has one block per kind of number, in order, each with a heading and a sentence', () => {
    const p = page('/insights/');
    expect(p.all('[data-insights-block]').map((b) => p.attr(b, 'data-insights-block'))).toEqual(BLOCKS);
    for (const block of p.all('[data-insights-block]')) {
      expect(p.text(p.one('h2', block)).length).toBeGreaterThan(3);
      expect(p.text(p.one('[data-insights-lead]', block))).toMatch(/^[A-Z0-9].{30,}[.)]$/);
    }
  });

  it('draws every chart as an SVG with role img, labelled by its own title and description, wide and narrow', () => {
    // readPage drops <style> elements, which Plot's SVGs no longer carry anyway; parse the raw HTML for the SVG's own children.
    const p = page('/insights/');
    const raw = parseDocument(p.html);
    for (const id of BLOCKS) {
      const svgs = selectAll<AnyNode, Element>(`[data-insights-block="${id}"] svg`, raw);
      expect(svgs.map((svg) => svg.attribs.class), id).toEqual(['insights-svg insights-svg-wide', 'insights-svg insights-svg-narrow']);
      for (const svg of svgs) {
        expect(svg.attribs.role, id).toBe('img');
        const [titleId, descId] = svg.attribs['aria-labelledby']!.split(' ');
        const title = selectAll<AnyNode, Element>(`title#${titleId}`, svg);
        const desc = selectAll<AnyNode, Element>(`desc#${descId}`, svg);
        expect(title, `${id} title`).toHaveLength(1);
        expect(desc, `${id} desc`).toHaveLength(1);
        expect(p.text(title[0]!).length, id).toBeGreaterThan(5);
        expect(p.text(desc[0]!).length, id).toBeGreaterThan(20);
        // Title and description are the first children, where assistive technology looks for them.
        expect((svg.children.filter((c) => c.type === 'tag') as Element[]).slice(0, 2).map((c) => c.name)).toEqual(['title', 'desc']);
      }
      expect(selectAll(`[data-insights-block="${id}"] table`, raw).length, `${id} table`).toBeGreaterThan(0);
    }
    // Ids are unique on the page, so each SVG is labelled by its own title.
    const ids = selectAll<AnyNode, Element>('[id]', raw).map((e) => e.attribs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has no script of its own: the charts are drawn at build time', () => {
    const p = page('/insights/');
    const scripts = parseDocument(p.html);
    const ours = selectAll<AnyNode, Element>('[data-insights-block] script, [data-insights-chart] script', scripts);
    expect(ours).toEqual([]);
    expect(p.html).not.toContain('plot-d6a7b5');
  });

  it('shows the hand-worked numbers in its tables', () => {
    const p = page('/insights/');
    expect(rows(p, table(p, 'time-in-stage', 'Days in each stage'))).toEqual([
      ['Stage', 'Left it', 'Median', 'p90'],
      ['Development', '8', '31', '61'],
      ['Internal Release', '6', '31', '70'],
      ['Beta Release', '3', '70', '191'],
    ]);
    expect(rows(p, table(p, 'lead-time', 'Days to Public Release'))).toEqual([
      ['From', 'Features', 'Median', 'p90'],
      ['Development → Public Release', '6', '108.5', '197'],
      ['Internal Release → Public Release', '5', '61', '194'],
    ]);
    const months = rows(p, table(p, 'throughput', 'Features entering Public Release per month'));
    expect(months).toHaveLength(13);
    expect(months[1]).toEqual(['December 2025', '1']);
    expect(months[12]).toEqual(['November 2026', '0']);
    expect(rows(p, table(p, 'work-in-progress', 'Features in each stage on 2026-11-21'))).toEqual([
      ['Stage', 'Features now'],
      ['Development', '1'],
      ['Internal Release', '1'],
      ['Beta Release', '1'],
    ]);
    expect(rows(p, table(p, 'work-in-progress', 'Features in each stage at the end of each week'))).toHaveLength(27);
    expect(rows(p, table(p, 'soak', 'Soak time'))).toEqual([
      ['Left it', 'Under 7 days', 'Share'],
      ['6', '1', '17%'],
    ]);
    expect(rows(p, table(p, 'targets', 'Targets'))).toEqual([
      ['Public, with a target', 'On time', 'Median days late', 'Past target'],
      ['4', '2', '12.5', '1'],
    ]);
    expect(rows(p, table(p, 'targets', 'Past their target'))).toEqual([
      ['Feature', 'Stage', 'Target', 'Days past'],
      ['Delta', 'Beta Release', '2026-11-01', '20'],
    ]);
    expect(rows(p, table(p, 'ageing', 'Days in the current stage'))).toEqual([
      ['Feature', 'Stage', 'Days', 'Limit'],
      ['Delta', 'Beta Release', '112', '60'],
      ['Echo', 'Internal Release', '20', '30'],
      ['Foxtrot', 'Development', '51', '90'],
    ]);
  });

  it('says in one sentence what each chart shows and what to do', () => {
    const p = page('/insights/');
    const lead = (id: string) => p.text(p.one(`[data-insights-block="${id}"] [data-insights-lead]`));
    expect(lead('time-in-stage')).toBe(
      'Features wait longest in Beta Release: a median of 70 days, and 1 in 10 stays 191 days or more. Ask what features there are waiting for, starting with the oldest on the board.',
    );
    expect(lead('soak')).toBe('1 of 6 features left Internal Release before its 7-day soak: let features soak the full 7 days, or record on the feature page why not.');
    expect(lead('ageing')).toBe(
      "1 feature has sat past its stage's limit (1 in Beta Release, past 60 days): agree the next step for each with Support and Growth; see the board.",
    );
    expect(p.attr(p.one('[data-insights-block="ageing"] [data-insights-lead] a'), 'href')).toBe('/features/');
    expect(p.attr(p.one('[data-insights-block="ageing"] tbody a'), 'href')).toBe('/features/delta/');
  });
});

describe('the team filter', () => {
  it('is a list of links, one static page per team, the current one marked', () => {
    const p = page('/insights/');
    const links = p.all('nav.insights-teams a');
    expect(links.map((a) => [p.attr(a, 'href'), p.text(a), p.attr(a, 'aria-current') ?? null])).toEqual([
      ['/insights/', 'All teams (9)', 'page'],
      ['/insights/web/', 'Web (5)', null],
      ['/insights/mobile/', 'Mobile (3)', null],
    ]);
    for (const team of ['web', 'mobile', 'platform']) expect(existsSync(path.join(site.dir, 'insights', team, 'index.html')), team).toBe(true);
  });

  it("shows one team's numbers on its page, and links to the board filtered to that team", () => {
    const p = page('/insights/mobile/');
    expect(p.text('h1')).toBe('Insights: Mobile');
    expect(p.attr(p.one('nav.insights-teams a[aria-current="page"]'), 'href')).toBe('/insights/mobile/');
    expect(rows(p, table(p, 'time-in-stage', 'Days in each stage')).slice(1)).toEqual([
      ['Development', '3', '30', '31'],
      ['Internal Release', '3', '31', '49'],
      ['Beta Release', '1', '191', '191'],
    ]);
    expect(p.attr(p.one('[data-insights-block="ageing"] [data-insights-lead] a'), 'href')).toBe('/features/?team=mobile');
  });

  it('says there is nothing to show for a team without features, whose page is there but not in the filter', () => {
    const p = page('/insights/platform/');
    expect(p.attr(p.one('nav.insights-teams a[aria-current="page"]'), 'href')).toBe('/insights/platform/');
    expect(p.text('[data-insights-block="time-in-stage"] [data-insights-lead]')).toBe(
      'No feature has left a stage yet, so there is no time in stage to show: this fills in as features move on.',
    );
    expect(p.all('[data-insights-block] svg[role="img"]')).toHaveLength(BLOCKS.length * 2);
  });
});

describe('links to /insights/', () => {
  it('from the board and the sidebar', () => {
    expect(page('/features/').all('main a[href="/insights/"]').length).toBeGreaterThan(0);
    expect(page('/').all('nav.sidebar a[href="/insights/"]')).toHaveLength(1);
  });

  it("from the home page's stage counts", () => {
    expect(page('/').all('.stage-counts a[href="/insights/"]')).toHaveLength(1);
  });
});
