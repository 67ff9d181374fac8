import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { validateLoaded } from '../../src/engine/validate.ts';
import { forgetSiteLoads, rememberValidation, siteLoad } from '../../src/sites/integration/site-load.ts';
import { parseSettings } from '../../src/sites/integration/settings.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';

/** The one load per build: made once, shared, and handed over by `npm run build` instead of being read again. */
describe('siteLoad', () => {
  const root = path.join(fixturesDir, 'valid');

  it('reads a content root once for every caller', () => {
    forgetSiteLoads();
    const first = siteLoad({ content: root, today: FIXTURE_TODAY });
    expect(siteLoad({ content: root, today: FIXTURE_TODAY })).toBe(first);
    expect(first.content.features.length).toBeGreaterThan(3);
    expect(first.statuses.map((s) => s.entry.id)).toEqual(first.content.features.map((f) => f.id));
  });

  it('takes the CLI validation as the build\'s load, without reading the files again', () => {
    forgetSiteLoads();
    const load = loadContent(root);
    const { diagnostics } = validateLoaded(load, { today: FIXTURE_TODAY });
    // A made-up root name: reading it would fail, so a result proves nothing was read.
    rememberValidation('/nowhere/content', FIXTURE_TODAY, load, diagnostics);
    expect(siteLoad({ content: '/nowhere/content', today: FIXTURE_TODAY }).load).toBe(load);
    forgetSiteLoads();
    expect(() => siteLoad({ content: '/nowhere/content', today: FIXTURE_TODAY })).toThrow(/content root not found/);
  });
});

describe('the shiplog() settings', () => {
  it('resolve the content root and default the rest', () => {
    const settings = parseSettings({ site: 'internal', content: 'test/fixtures/valid', today: '2026-11-21' });
    expect(settings.content).toBe(path.join(fixturesDir, 'valid'));
    expect(settings.publicUrl).toBe('https://changelog.example.com');
  });

  it('refuse a bad option with one line naming it', () => {
    expect(() => parseSettings({ site: 'internal', today: '2026-02-30' })).toThrow('shiplog(): invalid options: today: must be a real date written YYYY-MM-DD');
    expect(() => parseSettings({ site: 'internal', publicUrl: 'not a url' })).toThrow(/shiplog\(\): invalid options: publicUrl: /);
  });
});
