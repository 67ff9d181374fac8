import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateRoot, type ValidationResult } from '../../src/engine/validate.ts';
import type { BaseSnapshot } from '../../src/engine/rule.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures');

/** The date every fixture is judged on, so date rules are repeatable. */
export const FIXTURE_TODAY = '2026-11-21';

/** Validates a fixture content root (a folder under test/fixtures/) as of FIXTURE_TODAY. */
export function validateFixture(name: string, options: { today?: string; base?: BaseSnapshot } = {}): ValidationResult {
  return validateRoot(path.join(fixturesDir, name), { today: options.today ?? FIXTURE_TODAY, base: options.base, cwd: repoRoot });
}

/** The diagnostics of one rule, for assertions that ignore the others. */
export function findingsOf(result: ValidationResult, rule: string) {
  return result.diagnostics.filter((d) => d.rule === rule);
}
