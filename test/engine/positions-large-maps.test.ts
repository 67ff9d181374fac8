import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixturesDir } from '../helpers/validate.ts';

/**
 * A frontmatter with tens of thousands of unknown keys, or checklist keys,
 * gets one finding per key at that key's line. Each map is indexed once, so
 * this takes about a second; a lookup that scanned the map per finding took
 * over ten minutes at 100,000 keys (and would time this test out).
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplog-keys-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('positions in very large maps', () => {
  it('one finding per unknown key and per unknown checklist key, each at its own line', () => {
    cpSync(path.join(fixturesDir, 'valid'), work, { recursive: true });
    const unknownKeys = 100_000;
    const checklistKeys = 20_000;
    const feature = path.join(work, 'features/dark-mode.mdx');
    const [before, yaml, ...body] = readFileSync(feature, 'utf8').split('---\n');
    const keysFrom = yaml!.split('\n').length + 1; // the line after the opening fence and the existing keys
    writeFileSync(feature, [before, yaml + Array.from({ length: unknownKeys }, (_, i) => `unknown${i}: x\n`).join(''), ...body].join('---\n'));
    const other = path.join(work, 'features/macro-search.mdx');
    const text = readFileSync(other, 'utf8');
    const checklistLine = text.slice(0, text.indexOf('checklist:\n')).split('\n').length;
    writeFileSync(other, text.replace('checklist:\n', `checklist:\n${Array.from({ length: checklistKeys }, (_, i) => `  item${i}: 2026-01-01\n`).join('')}`));

    const { diagnostics } = validateRoot(work, { today: FIXTURE_TODAY, cwd: work });
    const unknown = diagnostics.filter((d) => d.file === 'features/dark-mode.mdx');
    expect(unknown).toHaveLength(unknownKeys);
    expect(unknown.every((d, i) => d.rule === 'frontmatter' && d.line === keysFrom + i && d.message === `Unknown key "unknown${i}".`)).toBe(true);
    const checklist = diagnostics.filter((d) => d.file === 'features/macro-search.mdx');
    expect(checklist).toHaveLength(checklistKeys);
    expect(checklist.every((d, i) => d.rule === 'checklist-unknown' && d.line === checklistLine + 1 + i && d.column === 3)).toBe(true);
  });
});
