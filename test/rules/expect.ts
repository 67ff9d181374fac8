import path from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic, Severity } from '../../src/engine/finding.ts';
import { loadContent } from '../../src/engine/load.ts';
import type { BaseSnapshot } from '../../src/engine/rule.ts';
import type { ValidationResult } from '../../src/engine/validate.ts';
import { fixturesDir, validateFixture } from '../helpers/validate.ts';

/**
 * Assertions for the per-rule fixtures in test/fixtures/rules/<theme>/: a
 * file either has no diagnostics at all, or exactly the ones listed (no
 * cascades: a second rule firing on the same mistake fails the test).
 */

export interface Expected {
  rule: string;
  /** Defaults to 'error'. */
  severity?: Severity;
  line: number;
  column?: number;
  /** Fragments the message must contain. */
  message?: readonly (string | RegExp)[];
  /** Fragments the hint must contain: the ids, dates or keys that say how to fix it. */
  hint: readonly (string | RegExp)[];
}

export interface Theme {
  name: string;
  result: ValidationResult;
  /** Display path of a file in the theme's root, e.g. path('features/x.mdx'). */
  path(relative: string): string;
  /** Every diagnostic on one file of the root. */
  on(relative: string): Diagnostic[];
  expectClean(relative: string): void;
  expectExactly(relative: string, expected: readonly Expected[]): Diagnostic[];
}

export function theme(name: string, options: Parameters<typeof validateFixture>[1] = {}): Theme {
  const result = validateFixture(`rules/${name}`, options);
  const path = (relative: string) => `test/fixtures/rules/${name}/${relative}`;
  const on = (relative: string) => result.diagnostics.filter((d) => d.file === path(relative));
  return {
    name,
    result,
    path,
    on,
    expectClean(relative) {
      expect(on(relative).map(brief)).toEqual([]);
    },
    expectExactly(relative, expected) {
      const found = on(relative);
      // Compared as one list first so a failure shows every finding at once.
      expect(found.map(brief)).toEqual(
        expected.map((e) => `${e.rule} ${e.severity ?? 'error'} ${e.line}:${e.column ?? found.find((d) => d.rule === e.rule && d.line === e.line)?.column ?? '?'}`),
      );
      found.forEach((diagnostic, index) => {
        const want = expected[index]!;
        expect(diagnostic.file).toBe(path(relative));
        for (const fragment of want.message ?? []) expect(diagnostic.message).toMatch(asPattern(fragment));
        for (const fragment of want.hint) expect(diagnostic.hint).toMatch(asPattern(fragment));
        expect(diagnostic.hint.length).toBeGreaterThan(0);
      });
      return found;
    },
  };
}

/**
 * The pull-request rules' fixtures: rules/pull-request/base is the branch a
 * pull request targets; head is the pull request, judged against it. check-pr
 * builds the same snapshot from git.
 */
export function pullRequestTheme(): Theme {
  const baseLoad = loadContent(path.join(fixturesDir, 'rules/pull-request/base'));
  const base: BaseSnapshot = { ref: 'main', features: new Map(baseLoad.content!.features.map((f) => [f.id, f.data])) };
  return theme('pull-request/head', { base });
}

function brief(d: Diagnostic): string {
  return `${d.rule} ${d.severity} ${d.line}:${d.column}`;
}

function asPattern(fragment: string | RegExp): RegExp {
  return typeof fragment === 'string' ? new RegExp(fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : fragment;
}
