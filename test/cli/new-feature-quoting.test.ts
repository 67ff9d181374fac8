import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadJsYaml5 } from 'js-yaml';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { featurePage } from '../../src/cli/new-feature.ts';
import { loadContent } from '../../src/engine/load.ts';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixtureContent, makeRepo, removeTempDirs, runScript } from '../helpers/repo.ts';

afterAll(removeTempDirs);

/**
 * new-feature writes a title that every YAML reader reads back as the same
 * text: Shiplog's loader (js-yaml 5, YAML 1.2 core schema), the yaml package
 * in YAML 1.2 and 1.1 modes, and js-yaml 4's default schema, which Astro uses
 * for the sites (it reads 2026-01-01 as a Date and 0b1010 as a number).
 */

// js-yaml 4 as Astro has it: Astro's own dependency, not the project's.
const astroRequire = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
const jsYaml4 = astroRequire('js-yaml') as { load(text: string): unknown };

const hostileTitles = [
  '2026-01-01', '2026-01-01T10:00:00Z', 'true', 'False', 'null', 'Null', '~', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  '0b1010', '0o12', '0x1F', '012', '1e3', '1_000', '1:20', '.inf', '-.Inf', '.NaN', '+1', '.5', '42',
  '@mentions', '`code`', '%done', '!important', '&anchor', '*alias', '|pipe', '>fold', '[draft]', '{draft}', '#1 priority',
  "'quoted'", '"quoted"', '? question', '- dash', ': colon', 'CSV import: contacts', 'Costs 5 # of 10', '<<', '=',
  'Line\u2028separator', 'Next\u0085line', 'Trailing space ', 'Tab\there',
];

const content = loadContent(fixtureContent).content!;

function frontmatterOf(text: string): string {
  return text.slice(4, text.indexOf('\n---\n') + 1);
}

describe('new-feature quotes every title a YAML reader would read as another type', () => {
  for (const title of hostileTitles) {
    test(JSON.stringify(title), () => {
      const page = featurePage(content, { id: 'hostile', title, summary: title, owner: 'dana-lee', team: 'frontend', flag: 'hostile', today: FIXTURE_TODAY });
      const yaml = frontmatterOf(page);
      const readers: [string, unknown][] = [
        ['js-yaml 4 (Astro)', jsYaml4.load(yaml)],
        ['js-yaml 5 (loader)', loadJsYaml5(yaml)],
        ['yaml 1.2', parseDocument(yaml).toJS()],
        ['yaml 1.1', parseDocument(yaml, { version: '1.1' }).toJS()],
      ];
      for (const [reader, data] of readers) {
        expect({ reader, title: (data as { title: unknown }).title, summary: (data as { summary: unknown }).summary }).toEqual({ reader, title, summary: title });
      }
      // The entry date stays unquoted, as the contract writes dates.
      expect(yaml).toContain(`dates:\n  development: ${FIXTURE_TODAY}\n`);
      // Valid as created: every rule, on the page as it would be written.
      const file = path.join(fixtureContent, 'features', 'hostile.mdx');
      const result = validateRoot(fixtureContent, { today: FIXTURE_TODAY, only: new Set([file]), overrides: new Map([[file, page]]) });
      expect(result.diagnostics.filter((d) => d.rule === 'frontmatter').map((d) => d.message)).toEqual([]);
    });
  }

  test('a plain title stays plain', async () => {
    const page = featurePage(content, { id: 'plain', title: 'Scheduled replies', summary: 'Agents schedule a reply.', owner: 'dana-lee', team: 'frontend', flag: 'plain', today: FIXTURE_TODAY });
    expect(page).toContain('title: Scheduled replies\nsummary: Agents schedule a reply.\n');
  });

  test('end to end: --title 2026-01-01 writes a quoted title, and the page validates', async () => {
    const repo = makeRepo();
    for (const [id, title] of [['date-title', '2026-01-01'], ['binary-title', '0b1010'], ['yes-title', 'yes']] as const) {
      const run = await runScript('new-feature', [id, '--title', title, '--owner', 'dana-lee', '--today', FIXTURE_TODAY], repo.dir);
      expect(run.status).toBe(0);
      expect(readFileSync(repo.feature(id), 'utf8')).toContain(`title: "${title}"\nsummary: "${title}"\n`);
    }
    expect((await runScript('validate', ['--today', FIXTURE_TODAY], repo.dir)).status).toBe(0);
  });
});
