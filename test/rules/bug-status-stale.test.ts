import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrackedIssue, TrackerSnapshot } from '../../src/engine/tracker-state.ts';
import { validateRoot, type ValidationResult } from '../../src/engine/validate.ts';
import { FIXTURE_TODAY, fixturesDir, repoRoot } from '../helpers/validate.ts';

/**
 * bug-status-stale runs only with the tracker's state (`--online`): these
 * tests hand the engine a snapshot, as the commands do after reading GitHub
 * (test/cli/tracker.test.ts covers the reading). The fixture root
 * rules/tracker declares a tracker; offline, its -fail pages are judged by
 * what they record (open-high-bugs, open-low-bugs), which is how the fixture
 * checks see them.
 */

const root = path.join(fixturesDir, 'rules/tracker');
const issue = (number: number, state: TrackedIssue['state'], labels: string[], title = `Issue ${number}`): TrackedIssue => ({
  url: `https://github.com/acme/helpdesk/issues/${number}`,
  number,
  title,
  state,
  labels,
});

const snapshot: TrackerSnapshot = {
  repository: 'acme/helpdesk',
  fetchedAt: '2026-11-21T09:30:00.000Z',
  issues: new Map([
    ['acme/helpdesk#1', issue(1, 'closed', ['priority/high'])],
    ['acme/helpdesk#2', issue(2, 'open', ['priority/low'])],
    ['acme/helpdesk#3', issue(3, 'closed', ['priority/high', 'feature:bug-status-stale-fail'], 'Snoozed conversations come back twice')],
    ['acme/helpdesk#4', issue(4, 'closed', ['Priority/High'], 'Sidebar flickers')],
    ['acme/helpdesk#5', issue(5, 'open', ['priority/high', 'feature:tracker-labelled-public'], 'Labels vanish on merge')],
    ['acme/helpdesk#99', null],
  ]),
  labelled: new Map([
    ['bug-status-stale-fail', ['acme/helpdesk#3']],
    ['tracker-labelled-public', ['acme/helpdesk#5']],
  ]),
};

function judged(tracker?: TrackerSnapshot): ValidationResult {
  return validateRoot(root, { today: FIXTURE_TODAY, cwd: repoRoot, tracker });
}

const online = judged(snapshot);
const on = (result: ValidationResult, name: string) =>
  result.diagnostics.filter((d) => d.file === `test/fixtures/rules/tracker/features/${name}.mdx`).map((d) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column, message: d.message, hint: d.hint }));

describe('bug-status-stale', () => {
  it('passes a page whose recorded status and priority agree with the tracker', () => {
    expect(on(online, 'bug-status-stale-pass')).toEqual([]);
  });

  it('passes a page that leaves status and priority to the tracker', () => {
    expect(on(online, 'bug-status-stale-pass-unrecorded')).toEqual([]);
  });

  it('warns on a recorded "status: open" that the tracker has closed, and the gate follows the tracker', () => {
    expect(on(online, 'bug-status-stale-fail')).toEqual([
      {
        rule: 'bug-status-stale',
        severity: 'warning',
        line: 40,
        column: 13,
        message: 'The page records status open for issue #3 ("Snoozed conversations come back twice"), which is closed on the tracker.',
        hint: 'Write "status: closed" (npm run bugs -- sync writes it), or leave "status" out and let the tracker decide.',
      },
    ]);
  });

  it('warns once per stale field, each on its own line, with the labels it read (compared without case)', () => {
    const found = on(online, 'bug-status-stale-fail-priority');
    expect(found.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(['bug-status-stale 39:15', 'bug-status-stale 40:13']);
    expect(found[0]!.message).toBe('The page records priority low for issue #4 ("Sidebar flickers"), which the tracker labels high priority (priority/high).');
    expect(found[0]!.hint).toContain('Write "priority: high"');
    expect(found[1]!.hint).toContain('Write "status: closed"');
  });

  it('warns on the URL line of a listed issue the tracker does not have, before the launch gate', () => {
    expect(on(online, 'tracker-missing-beta')).toEqual([
      expect.objectContaining({ rule: 'bug-status-stale', severity: 'warning', line: 29, column: 10, message: expect.stringContaining('has no issue https://github.com/acme/helpdesk/issues/99') }),
    ]);
  });

  it('says nothing without the tracker: offline, the recorded values are judged exactly as before', () => {
    const offline = judged();
    expect(offline.diagnostics.filter((d) => d.rule === 'bug-status-stale')).toEqual([]);
    expect(on(offline, 'bug-status-stale-fail').map((d) => d.rule)).toEqual(['open-high-bugs']);
    expect(on(offline, 'bug-status-stale-fail')[0]!.message).toBe('The feature is at Public Release with an open high-priority bug: https://github.com/acme/helpdesk/issues/3.');
  });
});

describe("open-high-bugs and open-low-bugs on the tracker's state", () => {
  it('reports an open high-priority issue labelled for a public feature, with its URL and title, on the bugs key', () => {
    expect(on(online, 'tracker-labelled-public')).toEqual([
      {
        rule: 'open-high-bugs',
        severity: 'error',
        line: 37,
        column: 1,
        message: 'The feature is at Public Release with an open high-priority bug: https://github.com/acme/helpdesk/issues/5 ("Labels vanish on merge").',
        hint: 'Fix the bug and close issue #5 on the tracker, or move the feature back until it is fixed.',
      },
    ]);
  });

  it('reports a listed issue the tracker does not have as an error once the feature is at the launch gate', () => {
    const gated: TrackerSnapshot = { ...snapshot, issues: new Map([...snapshot.issues, ['acme/helpdesk#3', null]]) };
    const found = on(judged(gated), 'bug-status-stale-fail');
    expect(found).toEqual([expect.objectContaining({ rule: 'open-high-bugs', severity: 'error', line: 38, column: 10 })]);
    expect(found[0]!.message).toContain('has no issue https://github.com/acme/helpdesk/issues/3');
  });

  it('takes the open state and the priority label from the tracker: a closed page record does not hide an open issue', () => {
    const reopened: TrackerSnapshot = { ...snapshot, issues: new Map([...snapshot.issues, ['acme/helpdesk#1', issue(1, 'open', ['priority/low'], 'Reopened')]]) };
    const found = on(judged(reopened), 'bug-status-stale-pass');
    expect(found.map((d) => `${d.rule} ${d.severity}`)).toEqual(['open-low-bugs warning', 'bug-status-stale warning', 'bug-status-stale warning']);
    expect(found[0]!.message).toBe('The feature is public with an open low-priority bug: https://github.com/acme/helpdesk/issues/1 ("Reopened").');
  });
});
