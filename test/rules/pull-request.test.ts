import { describe, expect, it } from 'vitest';
import { validateFixture } from '../helpers/validate.ts';
import { pullRequestTheme } from './expect.ts';

const pr = pullRequestTheme();

describe('the pull-request fixtures', () => {
  it('are valid on both sides when judged without a base', () => {
    expect(validateFixture('rules/pull-request/base').diagnostics).toEqual([]);
    expect(validateFixture('rules/pull-request/head').diagnostics).toEqual([]);
  });

  it('leave a feature the pull request creates alone', () => {
    pr.expectClean('features/new-feature-pass.mdx');
  });
});
