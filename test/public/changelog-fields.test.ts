import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import type { Content } from '../../src/engine/model.ts';
import { validateRoot } from '../../src/engine/validate.ts';
import { upcomingPreview } from '../../src/views/changelog-preview.ts';
import { publicProjection, UnsafeImageError } from '../../src/views/public.ts';
import { runInProcess } from '../helpers/cli.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from './helpers.ts';

/**
 * The public changelog's newer fields on the canary fixture: the embargo
 * (changelog.publish) on both sides of its date, the roadmap, details and
 * pictures, and how `validate` reports a picture the site cannot publish.
 */

const canaryRoot = path.join(fixturesDir, 'public-canary');
const EMBARGOED = 'canary-embargoed-feature';
const PUBLISH = '2026-11-25';

function load(root = canaryRoot): Content {
  const content = loadContent(root).content;
  if (!content) throw new Error(`${root} did not load`);
  return content;
}

describe('embargo: changelog.publish', () => {
  it('keeps a public feature\'s entry, its article and its release off the projection until the publish date', () => {
    for (const today of [FIXTURE_TODAY, '2026-11-24']) {
      const projection = publicProjection(load(), { today });
      expect(projection.changelog.map((e) => e.id), today).toEqual(['faster-search', 'snooze-reminders']);
      expect(projection.articles.map((a) => a.id)).not.toContain('canary-embargoed-article');
      expect(projection.releases.map((r) => r.id)).toEqual(['2026.10']);
      expect(JSON.stringify(projection)).not.toMatch(/embargoed/i);
    }
  });

  it('publishes them on the publish date, dated that day rather than the day the feature went public', () => {
    for (const today of [PUBLISH, '2026-12-01']) {
      const projection = publicProjection(load(), { today });
      const entry = projection.changelog.find((e) => e.id === EMBARGOED);
      expect(entry, today).toMatchObject({ date: PUBLISH, release: '2026.11', article: { id: 'canary-embargoed-article' } });
      expect(projection.changelog[0]!.id).toBe(EMBARGOED);
      expect(projection.articles.map((a) => a.id)).toContain('canary-embargoed-article');
      expect(projection.releases.map((r) => r.id)).toEqual(['2026.11', '2026.10']);
    }
  });

  it('keeps the public date when the publish date is earlier (the embargo held nothing back)', () => {
    const content = load();
    Object.assign(content.featureById.get(EMBARGOED)!.data.changelog!, { publish: '2026-11-01' });
    expect(publicProjection(content, { today: FIXTURE_TODAY }).changelog.find((e) => e.id === EMBARGOED)!.date).toBe('2026-11-12');
  });

  it('holds every embargo when no date is given, so a forgotten date never publishes early', () => {
    expect(publicProjection(load()).changelog.map((e) => e.id)).not.toContain(EMBARGOED);
    expect(publicProjection(load(), {}).changelog.map((e) => e.id)).not.toContain(EMBARGOED);
  });

  it('shows the embargo on the upcoming preview until the date, then nothing', () => {
    const before = upcomingPreview(load(), FIXTURE_TODAY);
    expect(before.entries.find((e) => e.id === EMBARGOED)).toMatchObject({ stage: { id: 'public' }, embargo: PUBLISH });
    expect(before.articles.find((a) => a.id === 'canary-embargoed-article')).toMatchObject({ waitingFor: 'embargo', embargo: PUBLISH });
    const after = upcomingPreview(load(), PUBLISH);
    expect(after.entries.map((e) => e.id)).not.toContain(EMBARGOED);
    expect(after.articles.map((a) => a.id)).not.toContain('canary-embargoed-article');
  });

  it('keeps npm run changelog to the same date', async () => {
    const run = (today: string) =>
      runInProcess('changelog', ['--content', canaryRoot, '--today', today], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    const before = await run(FIXTURE_TODAY);
    expect(before.status).toBe(0);
    expect(before.stdout).not.toMatch(/canary|embargo/i);
    const after = await run(PUBLISH);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain('**[CANARY-TITLE-EMBARGOED](https://changelog.example.com/changelog/canary-embargoed-feature/)** (25 Nov 2026)');
  });
});

describe('the public roadmap', () => {
  it('lists opted-in features in Internal or Beta Release by title and changelog text only', () => {
    const projection = publicProjection(load(), { today: FIXTURE_TODAY });
    // Not the development feature (roadmap: true but too early), not the beta feature (not opted in).
    expect(projection.roadmap).toEqual([{ title: 'Shared inbox views', text: 'Save a filtered inbox as a view and share it with your team.' }]);
  });

  it('is off unless process.yaml sets publicRoadmap: true', () => {
    const content = load();
    Object.assign(content.process, { publicRoadmap: false });
    expect(publicProjection(content, { today: FIXTURE_TODAY }).roadmap).toBeUndefined();
  });

  it('lets a feature go when its entry is published, not before', () => {
    const content = load();
    const feature = content.featureById.get('canary-roadmap-feature')!;
    Object.assign(feature.data, { stage: 'public', dates: { ...feature.data.dates, beta: '2026-11-10', public: '2026-11-20' } });
    // Public, but embargoed until 2027-01-20: still coming soon.
    expect(publicProjection(content, { today: FIXTURE_TODAY }).roadmap!.map((i) => i.title)).toEqual(['Shared inbox views']);
    const published = publicProjection(content, { today: '2027-01-20' });
    expect(published.roadmap).toEqual([]);
    expect(published.changelog[0]).toMatchObject({ title: 'Shared inbox views', date: '2027-01-20' });
  });
});

describe('details and pictures', () => {
  it('copies the details and the picture of a published entry, the picture as a file inside the content root', () => {
    const entry = publicProjection(load(), { today: FIXTURE_TODAY }).changelog.find((e) => e.id === 'snooze-reminders')!;
    expect(entry.details).toMatch(/^Pick \*\*Later today\*\*/);
    expect(entry.image).toEqual({ path: path.join(canaryRoot, 'features', 'snooze-menu.png'), alt: 'The snooze menu with four preset times and a date picker.' });
    expect(publicProjection(load(), { today: FIXTURE_TODAY }).changelog.find((e) => e.id === 'faster-search')).toMatchObject({ details: undefined, image: undefined });
  });
});

describe('a changelog picture the site cannot publish', () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  /** The canary fixture with snooze-reminders' `src:` line replaced, and any extra files written. */
  function withImage(src: string, extra: Record<string, string | Buffer> = {}, alt = 'A picture.'): string {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplog-image-'));
    const root = path.join(tmp, 'content');
    cpSync(canaryRoot, root, { recursive: true });
    const page = path.join(root, 'features/snooze-reminders.mdx');
    const text = readFileSync(page, 'utf8')
      .replace('    src: ./snooze-menu.png', src === '' ? '' : `    src: ${src}`)
      .replace('    alt: The snooze menu with four preset times and a date picker.', alt === '' ? '' : `    alt: ${alt}`);
    writeFileSync(page, text);
    for (const [name, bytes] of Object.entries(extra)) writeFileSync(path.join(tmp, name), bytes);
    return root;
  }

  function findings(root: string) {
    return validateRoot(root, { today: FIXTURE_TODAY, cwd: root })
      .diagnostics.filter((d) => d.file === 'features/snooze-reminders.mdx')
      .map((d) => ({ rule: d.rule, line: d.line, severity: d.severity, message: d.message, hint: d.hint }));
  }

  const srcLine = 59;

  it.each([
    ['a missing file', './nowhere.png', {}, 'points to features/nowhere.png, which is not a file in features/, docs/ or handbook/'],
    ['a file that is not an image', './fake.png', { 'content/features/fake.png': 'not a picture' }, 'is not an image'],
    ['a path outside the content root', '../../secret.png', { 'secret.png': readFileSync(path.join(canaryRoot, 'features/snooze-menu.png')) }, 'is outside the content root'],
    ['an address instead of a path', 'https://example.com/a.png', {}, 'is not a path relative to this page'],
    ['an absolute path', '/etc/passwd', {}, 'is not a path relative to this page'],
    ['an SVG', './logo.svg', { 'content/features/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }, 'is an SVG'],
    ['a picture not named as one', './picture.txt', { 'content/features/picture.txt': readFileSync(path.join(canaryRoot, 'features/snooze-menu.png')) }, 'is not named as a picture'],
  ])('reports %s as handbook-link on the src line, and the projection refuses it', (_what, src, extra, message) => {
    const root = withImage(src, extra);
    const found = findings(root);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'handbook-link', line: srcLine, severity: 'error', message: expect.stringContaining(message), hint: expect.stringContaining('beside the feature page') }),
    ]);
    expect(() => publicProjection(load(root), { today: FIXTURE_TODAY })).toThrow(UnsafeImageError);
  });

  it('reports a missing alt text as frontmatter on the image', () => {
    const root = withImage('./snooze-menu.png', {}, '');
    expect(findings(root)).toEqual([expect.objectContaining({ rule: 'frontmatter', line: srcLine - 1, severity: 'error', message: expect.stringContaining('alt') })]);
  });

  it('reports nothing for a picture beside the page', () => {
    expect(findings(withImage('./snooze-menu.png'))).toEqual([]);
  });
});
