import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import { publicProjection, UnsafeArticleError } from '../../src/views/public.ts';
import { fixturesDir } from '../helpers/validate.ts';

/**
 * The public site refuses an article with code, whether or not `validate`
 * ran: the public projection (its only door to the content) judges every
 * article it is about to publish with the `article-code` rule. The build
 * that calls Astro directly, as someone skipping `npm run build`'s
 * validation would, is in build-hostile-articles.test.ts (the site project).
 */
const hostile = path.join(fixturesDir, 'rules/article-code');
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the public projection', () => {
  it('refuses to publish any article that fails article-code, naming each file, line and problem', () => {
    const { content } = loadContent(hostile, { cwd: hostile });
    let refusal: unknown;
    try {
      publicProjection(content!);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UnsafeArticleError);
    const message = (refusal as Error).message;
    const failing = readdirSync(path.join(hostile, 'docs')).filter((name) => name.startsWith('article-code-fail-'));
    expect(failing.length).toBeGreaterThan(10);
    for (const name of failing) expect(message).toContain(`docs/${name}:`);
    expect(message).toContain('docs/article-code-fail-no-import.mdx:6:7 article-code: "{globalThis.process.getBuiltinModule');
    expect(message).not.toContain('article-code-pass.mdx');
  });

  it('publishes the same root once the hostile articles are gone', () => {
    const clean = path.join(work, 'clean');
    cpSync(hostile, clean, { recursive: true });
    for (const name of readdirSync(path.join(clean, 'docs'))) if (name.startsWith('article-code-fail-')) rmSync(path.join(clean, 'docs', name));
    const projection = publicProjection(loadContent(clean).content!);
    expect(projection.articles.map((a) => a.id)).toContain('article-code-pass');
  });
});
