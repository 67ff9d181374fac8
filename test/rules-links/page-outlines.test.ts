import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../src/process/links.ts';
import { loadContent } from '../../src/process/load.ts';
import { outlinesHere, startPageOutlines } from '../../src/process/page-outlines.ts';
import { validateRoot } from '../../src/process/validate.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

/**
 * A large root's handbook and docs bodies are outlined on a worker thread
 * (src/process/page-outlines.ts); the `links` fixture has few features, so
 * these tests lower the threshold to make it use the worker.
 */
const root = path.join(fixturesDir, 'links');

function pages() {
  const { content } = loadContent(root);
  return [...content!.handbook, ...content!.docs].map(({ file }) => ({ file: file.source.path, body: file.body!.text }));
}

describe('page outlines', () => {
  it('come from the worker for every handbook and docs body, exactly as this thread outlines them (invalid MDX included)', () => {
    const outlines = startPageOutlines(root, { minFeatures: 0 });
    const all = pages();
    expect(all.length).toBeGreaterThan(8);
    expect(all.filter(({ body }) => outlineOf(body) === undefined).length).toBeGreaterThan(0);
    for (const { file, body } of all) expect(outlines.outline(file, body)).toEqual(outlineOf(body));
    expect(outlines.fromWorker).toBe(all.length);
  });

  it('are worked out on this thread for a body other than the one the worker read', () => {
    const outlines = startPageOutlines(root, { minFeatures: 0 });
    const edited = 'An edited body: [Gary](./team.mdx#gary-mcgrath).\n\n## A new heading\n';
    const outline = outlines.outline(path.join(root, 'handbook/good.mdx'), edited);
    expect(outline).toEqual(outlineOf(edited));
    expect(outline?.links.map((link) => link.url)).toEqual(['./team.mdx#gary-mcgrath']);
    expect(outlines.fromWorker).toBe(0);
  });

  it('use the worker for the text given in overrides, as the loader does', () => {
    const file = path.join(root, 'handbook/good.mdx');
    const text = '---\ntitle: Good\ndescription: Overridden.\n---\nSee [the team](./team.mdx).\n';
    const outlines = startPageOutlines(root, { minFeatures: 0, overrides: new Map([[file, text]]) });
    const body = 'See [the team](./team.mdx).\n';
    expect(outlines.outline(file, body)).toEqual(outlineOf(body));
    expect(outlines.fromWorker).toBe(1);
  });

  it('stay on this thread for a root with fewer feature files than the threshold', () => {
    const outlines = startPageOutlines(root, { minFeatures: 3 });
    const [first] = pages();
    expect(outlines.outline(first!.file, first!.body)).toEqual(outlineOf(first!.body));
    expect(outlines.fromWorker).toBe(0);
  });

  it('give validateRoot the same diagnostics as outlining on this thread', () => {
    const options = { today: FIXTURE_TODAY, cwd: repoRoot };
    const withWorker = validateRoot(root, { ...options, pageOutlines: startPageOutlines(root, { minFeatures: 0 }) });
    const here = validateRoot(root, { ...options, pageOutlines: outlinesHere });
    expect(withWorker.diagnostics.filter((d) => d.rule === 'handbook-link').length).toBeGreaterThan(15);
    expect(withWorker.diagnostics).toEqual(here.diagnostics);
  });
});
