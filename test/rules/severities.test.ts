import { describe, expect, it } from 'vitest';
import { theme } from './expect.ts';

// process.yaml in this root sets soak-short: error, stale-stage: off, owner-role: warning.
const severities = theme('severities');

describe('severities from process.yaml', () => {
  it('raises a warning rule to an error', () => {
    severities.expectExactly('features/soak-short-error.mdx', [{ rule: 'soak-short', severity: 'error', line: 10, column: 3, hint: ['7 days'] }]);
  });

  it('lowers an error rule to a warning', () => {
    severities.expectExactly('features/owner-role-warning.mdx', [{ rule: 'owner-role', severity: 'warning', line: 4, column: 8, hint: ['dana-lee, marco-rossi'] }]);
  });

  it('switches a rule off', () => {
    severities.expectClean('features/stale-stage-off.mdx');
  });

  it('keeps the default for rules it does not name', () => {
    severities.expectExactly('features/target-passed-default.mdx', [{ rule: 'target-passed', severity: 'warning', line: 9, column: 9, hint: ['new "target"'] }]);
  });

  it('counts the changed severities in the summary', () => {
    expect(severities.result.summary).toMatchObject({ errors: 1, warnings: 2 });
  });
});
