import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAdoptedHandbook } from '../../bench/adoption-handbook.ts';
import { buildInternalSite, repoRoot, type BuiltSite } from '../e2e/helpers/build-site.ts';
import { runInProcess } from '../helpers/cli.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';
import { readPage, type Page } from './helpers/html.ts';
import { pageTransfer } from './helpers/transfer.ts';

/**
 * An adopted handbook, built: the adoption fixture (hand-written pages with
 * every link shape) plus 900 generated plain `.md` pages in nested folders,
 * copied in without frontmatter, their broken links suppressed with
 * `validate --suppress-all`, then `npm run build`. The links are checked in
 * the built HTML: every link in a page body reaches a built page and a
 * heading id on it.
 */

let site: BuiltSite;
let content: string;
let generated: string[];
let brokenOnPurpose: string[];
let suppressRun: { status: number; stderr: string };

beforeAll(async () => {
  // Inside the repository, so a link to a file beside the pages can go to the file in the repository.
  const cache = path.join(repoRoot, 'node_modules/.cache/shiplog-test');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'adoption-'));
  content = path.join(dir, 'content');
  cpSync(path.join(fixturesDir, 'adoption'), content, { recursive: true });
  const handbook = writeAdoptedHandbook(content, 900);
  generated = handbook.pages;
  brokenOnPurpose = handbook.broken;
  suppressRun = await runInProcess('validate', ['--content', content, '--today', FIXTURE_TODAY, '--suppress-all'], { cwd: repoRoot });
  site = await buildInternalSite({ content });
}, 600_000);

afterAll(() => {
  site?.cleanup();
  if (content) rmSync(path.dirname(content), { recursive: true, force: true });
});

const page = (route: string) => readPage(site.dir, route);
const bodyLinks = (p: Page) => p.all('.sl-markdown-content a[href]').map((a) => p.attr(a, 'href')!);

describe('an adopted handbook, copied in unchanged', () => {
  it('builds once its known broken links are suppressed', () => {
    expect(suppressRun.status, suppressRun.stderr).toBe(0);
    // The two broken links of the fixture and the generator's, each recorded.
    expect(suppressRun.stderr).toContain(`Recorded ${brokenOnPurpose.length + 2} findings`);
    expect(existsSync(path.join(site.dir, 'company/code-of-conduct/index.html'))).toBe(true);
  });

  it('shows the first "# " heading once, as the page title, and keeps its anchor', () => {
    const p = page('/company/code-of-conduct/');
    expect(p.all('h1').map((h) => p.text(h))).toEqual(['Code of Conduct']);
    expect(p.all('#code-of-conduct')).toHaveLength(1);
    // Nothing of the heading is left in the body: not its wrapper, nor its anchor link.
    expect(p.all('.sl-markdown-content .sl-heading-wrapper.level-h1, .sl-markdown-content a[href="#code-of-conduct"]')).toHaveLength(0);
    expect(p.text('title')).toContain('Code of Conduct');
    // A page without a heading is titled by its file name, and its body is all there.
    const field = page('/company/field-marketing/');
    expect(p.text('h1')).toBe('Code of Conduct');
    expect(field.text('h1')).toBe('Field marketing');
    expect(field.text('.sl-markdown-content')).toContain('Field marketing has no heading of its own');
  });

  it('turns every link shape GitHub resolves into the page address, with the fragment', () => {
    const hrefs = bodyLinks(page('/company/code-of-conduct/'));
    for (const expected of [
      '/company/people/', // ./people/ (the folder's index.md)
      '/company/people/readme/', // people/README.md beside an index.md: an ordinary page
      '/company/', // ../company/ (the folder's README.md)
      '/company/field-marketing/', // <field marketing.md>
      '/company/people/#contact', // /handbook/company/people/index.md#contact
      '#reporting-1',
      '#top',
      '/company/okta/main/#signing-in', // ./Okta/main#signing-in, without the extension
      '/', // /handbook/index.mdx
      'https://handbook.example.com/anything', // under externalLinks: left alone
    ]) {
      expect(hrefs).toContain(expected);
    }
    expect(bodyLinks(page('/company/'))).toEqual(expect.arrayContaining(['/company/code-of-conduct/', '/company/field-marketing/', '/company/okta/main/#signing-in']));
    // A file beside the pages goes to the file in the repository: the site publishes pages only.
    const pdf = hrefs.find((href) => href.endsWith('policy.pdf'))!;
    expect(pdf).toMatch(/^https:\/\/github\.com\/acme\/shiplog\/blob\/HEAD\/node_modules\/\.cache\/shiplog-test\/adoption-[^/]+\/content\/handbook\/company\/policy\.pdf$/);
    // Only the two links broken on purpose (suppressed) stay as written.
    expect(hrefs.filter((href) => /\.mdx?(?:#|$)/.test(href))).toEqual(['./missing-page.md']);
  });

  it('lands every body link on a built page and an id on it (all but the broken ones recorded on purpose)', () => {
    const known = ['missing-page', 'retired-page', '#nope', '#old-heading'];
    const routes = readdirSync(site.dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html') && (file.startsWith('company') || file.startsWith('adopted')))
      .map((file) => `/${path.dirname(file).split(path.sep).join('/')}/`);
    expect(routes.length).toBeGreaterThan(900);
    // Ids and names of each page, read once: a regular expression over the HTML is enough for attributes Astro writes quoted.
    const anchors = new Map<string, Set<string>>();
    const anchorsOf = (route: string) => {
      let found = anchors.get(route);
      if (!found) {
        const file = path.join(site.dir, route, 'index.html');
        expect(existsSync(file), route).toBe(true);
        found = new Set([...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1]!));
        anchors.set(route, found);
      }
      return found;
    };
    let checked = 0;
    for (const route of routes) {
      const html = readFileSync(path.join(site.dir, route, 'index.html'), 'utf8');
      const body = html.slice(html.indexOf('sl-markdown-content'));
      for (const [, href] of body.matchAll(/<a href="([^"]*)"/g)) {
        if (/^[a-z]+:/.test(href!) || known.some((k) => href!.includes(k))) continue;
        const url = new URL(href!.replace(/&amp;/g, '&'), `http://site${route}`);
        const target = anchorsOf(decodeURIComponent(url.pathname));
        if (url.hash) expect(target.has(decodeURIComponent(url.hash.slice(1))), `${route} -> ${href}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
  }, 120_000);

  it('serves the relative images of .md pages', () => {
    const p = page('/company/');
    const src = p.attr(p.one('.sl-markdown-content img'), 'src')!;
    expect(src).toMatch(/^\/_astro\/logo\.[\w-]+\.(?:png|webp|avif)$/);
    expect(existsSync(path.join(site.dir, src))).toBe(true);
  });

  it('nests folders as collapsible groups, the current page\u2019s groups open and the others closed', () => {
    const p = page('/company/okta/main/');
    const current = p.one('nav[aria-label="Main"] a[aria-current="page"]');
    expect(p.attr(current, 'href')).toBe('/company/okta/main/');
    const groups = p.all('nav[aria-label="Main"] details');
    const open = groups.filter((details) => 'open' in details.attribs).map((details) => p.text(p.one('summary', details)));
    expect(open).toEqual(['Company handbook', 'Okta']);
    expect(groups.length).toBeGreaterThan(50);
  });

  it('keeps a handbook page of the 900-page site under 50 KB gzipped on first load', () => {
    const route = `/adopted/engineering/`;
    const transfer = pageTransfer(site.dir, route);
    expect(transfer.total, JSON.stringify(transfer)).toBeLessThan(50 * 1024);
  });

  it('puts the text of imported pages in the search index', () => {
    const fragments = path.join(site.dir, 'pagefind/fragment');
    const text = readdirSync(fragments)
      .map((name) => gunzipSync(readFileSync(path.join(fragments, name))).toString('utf8'))
      .join('\n');
    expect(text).toContain('Field marketing has no heading of its own');
    expect(text).toContain(`explains how the ${generated.length ? 'release' : ''}`);
  });

  it('previews a .md article, its braces and tags as text', () => {
    const p = page('/docs/keyboard-shortcuts/');
    expect(p.text('main')).toContain('{not code} is text here');
  });
});
