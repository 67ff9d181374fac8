import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { readsAsMarkdown } from '../../src/engine/mdx-body.ts';
import { engineCollection } from '../../src/sites/integration/content-loader.ts';
import { forgetSiteLoads } from '../../src/sites/integration/site-load.ts';
import { parseSettings, useSettings } from '../../src/sites/integration/settings.ts';
import { FIXTURE_TODAY } from '../helpers/validate.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

interface Stored {
  id: string;
  filePath: string;
  rendered?: { html: string };
  deferredRender?: boolean;
}

/** The parts of Astro's loader context the engine's loader uses, with a store that keeps what it is given. */
function loaderContext() {
  const stored = new Map<string, Stored>();
  const context = {
    store: { clear: () => stored.clear(), set: (entry: Stored) => (stored.set(entry.id, entry), true) },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => String(text.length),
    config: { root: pathToFileURL(`${repoRoot}/`), image: {}, markdown: { processor: satteri(), syntaxHighlight: false, gfm: true, smartypants: true } },
  };
  return { stored, context: context as unknown as LoaderContext };
}

/**
 * Which bodies are compiled: an `.mdx` body that reads as Markdown is rendered
 * once into the store, as `.md` is; one that may hold code or indented code
 * is left to Astro's MDX pipeline (`deferredRender`).
 */
describe('the engine content loader', () => {
  it('renders plain-Markdown MDX bodies into the store and leaves the rest to MDX', async () => {
    forgetSiteLoads();
    // The shipped handbook has both kinds: pages with components or indented examples, and plain ones.
    useSettings(parseSettings({ site: 'internal', content: path.join(repoRoot, 'content'), today: FIXTURE_TODAY }));
    const bodies = new Map<string, string>();
    const loader = engineCollection((site) => {
      for (const entry of site.content.handbook) bodies.set(entry.id, entry.file.body?.text ?? '');
      return site.content.handbook;
    });
    const { stored, context } = loaderContext();
    await loader.load(context);

    expect(stored.size).toBe(bodies.size);
    const rendered = [...stored.values()].filter((entry) => entry.rendered);
    const deferred = [...stored.values()].filter((entry) => entry.deferredRender);
    expect(rendered.length).toBeGreaterThan(0);
    expect(deferred.length).toBeGreaterThan(0);
    expect(rendered.length + deferred.length).toBe(stored.size);
    for (const entry of stored.values()) {
      expect(Boolean(entry.rendered), entry.id).toBe(readsAsMarkdown(bodies.get(entry.id)!));
      expect(entry.filePath.startsWith('content/handbook/'), entry.filePath).toBe(true);
    }
    // What was rendered is the page's HTML, headings with their ids.
    const team = stored.get('team');
    expect(team?.rendered?.html).toMatch(/<h2 id="[a-z-]+">/);
  });
});
