import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, repoRoot } from '../helpers/validate.ts';

describe('the shipped content/ root', () => {
  const result = validateRoot(path.join(repoRoot, 'content'), { today: FIXTURE_TODAY, cwd: repoRoot });

  it('has no errors as of 2026-11-21', () => {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    // Printed in full on failure: file, position, rule, message and fix.
    expect(errors.map(({ file, line, column, rule, message, hint }) => `${file}:${line}:${column} ${rule}: ${message} ${hint}`)).toEqual([]);
  });

  it('is a whole content root: every file loaded, with handbook pages, articles and features in every stage', () => {
    const content = result.load.content!;
    expect(content).toBeDefined();
    expect(result.load.files.length).toBe(2 + content.features.length + content.docs.length + content.handbook.length);
    expect(content.handbook.length).toBeGreaterThan(0);
    expect(content.docs.length).toBeGreaterThan(0);
    expect(new Set(content.features.map((f) => f.data.stage))).toEqual(new Set(content.stages.map((s) => s.id)));
  });
});
