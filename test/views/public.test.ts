import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upcomingPreview } from '../../src/views/changelog-preview.ts';
import { loadContent } from '../../src/engine/load.ts';
import type { Content } from '../../src/engine/model.ts';
import { publicProjection } from '../../src/views/public.ts';
import { collectCanaries, fixturesDir } from '../public/helpers.ts';

const canaryRoot = path.join(fixturesDir, 'public-canary');

function load(root: string): Content {
  const content = loadContent(root).content;
  if (!content) throw new Error(`fixture ${root} did not load`);
  return content;
}

/** Every key path in a value, e.g. "changelog[].article.title", so the allow-list is checked field by field. */
function keyPaths(value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const p of keyPaths(item, `${prefix}[]`)) paths.add(p);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const here = prefix ? `${prefix}.${key}` : key;
      paths.add(here);
      for (const p of keyPaths(child, here)) paths.add(p);
    }
  }
  return paths;
}

describe('the public projection', () => {
  it('holds exactly the allow-listed fields', () => {
    const projection = publicProjection(load(canaryRoot));
    expect([...keyPaths(projection)].sort()).toEqual(
      [
        'articles',
        'articles[].changelog',
        'articles[].changelog.id',
        'articles[].changelog.title',
        'articles[].description',
        'articles[].id',
        'articles[].path',
        'articles[].title',
        'changelog',
        'changelog[].article',
        'changelog[].article.id',
        'changelog[].article.title',
        'changelog[].category',
        'changelog[].date',
        'changelog[].details',
        'changelog[].id',
        'changelog[].image',
        'changelog[].image.alt',
        'changelog[].image.path',
        'changelog[].release',
        'changelog[].text',
        'changelog[].title',
        'releases',
        'releases[].entries',
        'releases[].id',
        // The entries of a release are the changelog entries themselves.
        'releases[].entries[].article',
        'releases[].entries[].article.id',
        'releases[].entries[].article.title',
        'releases[].entries[].category',
        'releases[].entries[].date',
        'releases[].entries[].details',
        'releases[].entries[].id',
        'releases[].entries[].image',
        'releases[].entries[].image.alt',
        'releases[].entries[].image.path',
        'releases[].entries[].release',
        'releases[].entries[].text',
        'releases[].entries[].title',
        // The roadmap (publicRoadmap: true in the fixture): title and text, not even an id.
        'roadmap',
        'roadmap[].text',
        'roadmap[].title',
      ].sort(),
    );
  });

  it('contains no canary of the fixture, and does contain its public content', () => {
    const canaries = collectCanaries(canaryRoot);
    expect(canaries.length).toBeGreaterThan(40);
    const projection = publicProjection(load(canaryRoot));
    // `path` is where the build reads a published article's file; it is never rendered.
    const rendered = JSON.stringify(projection, (key, value) => (key === 'path' ? undefined : value));
    expect(canaries.filter((canary) => rendered.toLowerCase().includes(canary.toLowerCase()))).toEqual([]);
    // The word itself, which also catches a canary cut or re-cased on the way.
    expect(rendered).not.toMatch(/canar/i);
    expect(rendered).toContain('Snooze reminders');
    expect(rendered).toContain('Search results now appear as you type');
    expect(projection.changelog.map((e) => e.id)).toEqual(['faster-search', 'snooze-reminders']);
    expect(projection.articles.map((a) => a.id)).toEqual(['getting-started', 'using-snooze-reminders']);
    expect(projection.releases).toEqual([{ id: '2026.10', entries: [projection.changelog[1]] }]);
  });

  it('keeps a field added to a feature later out, because nothing is copied by spreading', () => {
    const content = load(canaryRoot);
    const feature = content.featureById.get('snooze-reminders')!;
    // What a new frontmatter key would look like once the schema accepts it.
    Object.assign(feature.data, { secretNote: 'CANARY-NEW-FIELD' });
    Object.assign(feature.data.changelog!, { internalComment: 'CANARY-NEW-NESTED-FIELD' });
    const doc = content.docById.get('using-snooze-reminders')!;
    Object.assign(doc.data, { reviewer: 'CANARY-NEW-ARTICLE-FIELD' });
    expect(JSON.stringify(publicProjection(content))).not.toMatch(/CANARY-NEW/);
  });

  it('links a public entry and its published article both ways', () => {
    const projection = publicProjection(load(canaryRoot));
    const entry = projection.changelog.find((e) => e.id === 'snooze-reminders')!;
    expect(entry.article).toEqual({ id: 'using-snooze-reminders', title: 'Using snooze reminders' });
    const article = projection.articles.find((a) => a.id === 'using-snooze-reminders')!;
    expect(article.changelog).toEqual({ id: 'snooze-reminders', title: 'Snooze reminders' });
    expect(projection.articles.find((a) => a.id === 'getting-started')!.changelog).toBeUndefined();
  });

  it('is frozen, so a page cannot add data to it', () => {
    const projection = publicProjection(load(canaryRoot));
    expect(() => (projection.changelog as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(projection.changelog[0]!, { owner: 'x' })).toThrow(TypeError);
  });
});

describe('gating: an entry and its article appear only once the feature is public', () => {
  it('moves a beta feature and its ready article from the preview to the projection when it goes public', () => {
    const content = load(canaryRoot);
    expect(publicProjection(content).changelog.map((e) => e.id)).not.toContain('canary-beta-feature');
    expect(publicProjection(content).articles.map((a) => a.id)).not.toContain('canary-beta-article');
    const preview = upcomingPreview(content);
    expect(preview.entries.map((e) => e.id)).toContain('canary-beta-feature');
    expect(preview.articles.find((a) => a.id === 'canary-beta-article')).toMatchObject({ ready: true, waitingFor: 'feature' });

    const beta = content.featureById.get('canary-beta-feature')!;
    Object.assign(beta.data, { stage: 'public', dates: { ...beta.data.dates, public: '2026-11-20' } });
    const projection = publicProjection(content);
    expect(projection.changelog[0]).toMatchObject({ id: 'canary-beta-feature', date: '2026-11-20', release: '2026.12' });
    expect(projection.changelog[0]!.article).toEqual({ id: 'canary-beta-article', title: 'CANARY-BETA-ARTICLE-TITLE' });
    expect(projection.articles.map((a) => a.id)).toContain('canary-beta-article');
    expect(projection.releases.map((r) => r.id)).toEqual(['2026.12', '2026.10']);
    expect(upcomingPreview(content).entries.map((e) => e.id)).not.toContain('canary-beta-feature');
    expect(upcomingPreview(content).articles.map((a) => a.id)).not.toContain('canary-beta-article');
  });

  it('publishes an article of a public feature only when it is ready', () => {
    const content = load(canaryRoot);
    const doc = content.docById.get('using-snooze-reminders')!;
    Object.assign(doc.data, { ready: false });
    const projection = publicProjection(content);
    expect(projection.articles.map((a) => a.id)).toEqual(['getting-started']);
    expect(projection.changelog.find((e) => e.id === 'snooze-reminders')!.article).toBeUndefined();
    expect(upcomingPreview(content).articles.find((a) => a.id === 'using-snooze-reminders')).toMatchObject({ waitingFor: 'ready' });
  });

  it('lists, for the preview, upcoming entries furthest along first and features still missing an entry', () => {
    const preview = upcomingPreview(load(path.join(fixturesDir, 'valid')));
    expect(preview.entries).toEqual([]);
    expect(preview.unwritten.map((f) => [f.id, f.stage.id])).toEqual([
      ['ticket-merge', 'beta'],
      ['macro-search', 'internal'],
      ['reply-templates', 'internal'],
    ]);
    const canary = upcomingPreview(load(canaryRoot));
    // The embargoed public feature is upcoming too, and furthest along.
    expect(canary.entries.map((e) => [e.stage.id, e.embargo])).toEqual([
      ['public', '2026-11-25'],
      ['beta', undefined],
      ['internal', undefined],
      ['internal', '2027-01-20'],
      ['development', undefined],
    ]);
  });
});
