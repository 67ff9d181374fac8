import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { planAdvance, type AdvanceRequest } from '../../src/cli/advance.ts';
import { loadContent, UsageError } from '../../src/engine/load.ts';
import { describeRequirement } from '../../src/engine/requirements.ts';
import { FIXTURE_TODAY, fixtureContent } from '../helpers/repo.ts';

/**
 * planAdvance works out a move from the content as loaded, without writing:
 * here on the pull-request fixture itself, which stays untouched.
 */
const load = () => loadContent(fixtureContent, { cwd: fixtureContent });
const readEdited = (file: string, text: string) => loadContent(fixtureContent, { cwd: fixtureContent, overrides: new Map([[file, text]]) });
const request = (featureId: string, stageId: string, approvers: string[] = []): AdvanceRequest => ({ featureId, stageId, date: FIXTURE_TODAY, today: FIXTURE_TODAY, approvers });

describe('planAdvance', () => {
  test('a move that meets its requirements: the edits, the new text, no error, nothing missing, the reviewers', () => {
    const file = path.join(fixtureContent, 'features/inbox-search.mdx');
    const before = readFileSync(file, 'utf8');
    const plan = planAdvance(load(), request('inbox-search', 'beta', ['gary-mcgrath', 'alicia-carney@2026-11-19']), readEdited);
    if (plan.kind !== 'move') throw new Error(`expected a move, got ${plan.kind}`);
    expect(plan.edits).toEqual([
      { op: 'set', key: 'stage', value: 'beta' },
      { op: 'set-entry', key: 'dates', entry: 'beta', value: FIXTURE_TODAY },
      { op: 'append', key: 'approvers', item: { person: 'gary-mcgrath', stage: 'beta', date: FIXTURE_TODAY } },
      { op: 'append', key: 'approvers', item: { person: 'alicia-carney', stage: 'beta', date: '2026-11-19' } },
    ]);
    expect(plan.before).toBe(before);
    expect(plan.after).toContain('stage: beta\n');
    expect(plan.errors).toBe(0);
    expect(plan.missing).toEqual([]);
    expect(plan.reviewers).toEqual(['@garymcgrath', '@aliciacarney']);
    expect(plan.file.displayPath).toBe('features/inbox-search.mdx');
    // Planning wrote nothing.
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('a move that does not: the errors and what is missing', () => {
    const plan = planAdvance(load(), request('inbox-search', 'beta', ['gary-mcgrath']), readEdited);
    if (plan.kind !== 'move') throw new Error(`expected a move, got ${plan.kind}`);
    expect(plan.errors).toBeGreaterThan(0);
    expect(plan.validation.diagnostics.map((d) => d.rule)).toContain('approval-missing');
    expect(plan.missing.map((r) => describeRequirement(r, 'beta'))).toEqual(['approval by a person with role growth (james-doman-pipe, alicia-carney) for stage beta']);
  });

  test('an approver who already approved the stage is kept, not added', () => {
    const plan = planAdvance(load(), request('reply-drafts', 'internal', ['gary-mcgrath']), readEdited);
    if (plan.kind !== 'move') throw new Error(`expected a move, got ${plan.kind}`);
    expect([...plan.alreadyApproved]).toEqual(['gary-mcgrath']);
    expect(plan.edits.filter((edit) => edit.op === 'append')).toEqual([]);
  });

  test('arguments that name nothing are a UsageError', () => {
    expect(() => planAdvance(load(), request('inbox-search', 'betta'), readEdited)).toThrow(new UsageError('unknown stage "betta". Did you mean "beta"? Stages: development, internal, beta, public'));
    expect(() => planAdvance(load(), request('inbox-search', 'internal'), readEdited)).toThrow(new UsageError('inbox-search is already in Internal Release'));
  });
});
