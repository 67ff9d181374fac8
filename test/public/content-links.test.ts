import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { publicContentLinks } from '../../src/sites/public/lib/content-links.ts';
import { fixturesDir } from './helpers.ts';

const contentRoot = path.join(fixturesDir, 'public-canary');
const plugin = publicContentLinks({ contentRoot, publishedArticleIds: new Set(['getting-started', 'using-snooze-reminders']), siteUrl: 'https://example.com/help' });
const compile = (source: string, file = 'docs/getting-started.mdx') =>
  mdxToJs(source, { mdastPlugins: [plugin], fileURL: pathToFileURL(path.join(contentRoot, file)) }).code;

describe('links in published articles', () => {
  it('point at published articles under the base path, keeping the heading', () => {
    expect(compile('[s](./using-snooze-reminders.mdx#snooze-a-conversation)')).toContain('"/help/docs/using-snooze-reminders/#snooze-a-conversation"');
  });

  it('become plain text when the target article is not published, so its name does not leak', () => {
    const code = compile('Soon: [the draft](./canary-draft-article.mdx) is coming.');
    expect(code).not.toMatch(/canary-draft-article/);
    expect(code).toContain('the draft');
    expect(compile('[ref][d]\n\n[d]: ./canary-beta-article.mdx')).not.toMatch(/canary-beta-article/);
  });

  it('gets the base path on site paths and leaves external links alone', () => {
    const code = compile('[c](/changelog/) and [x](https://example.org/a)');
    expect(code).toContain('"/help/changelog/"');
    expect(code).toContain('"https://example.org/a"');
  });

  it('unwraps a link to any content page other than a published article (its name is internal)', () => {
    const code = compile('[team](../handbook/team.mdx) and [beta](../features/canary-beta-feature.mdx#notes)');
    expect(code).not.toMatch(/handbook\/team|canary-beta-feature/);
    expect(code).toContain('team');
    expect(code).toContain('beta');
  });
});
