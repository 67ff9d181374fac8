import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURE_TODAY, makeRepo, removeTempDirs, runScript, type Repo } from '../helpers/repo.ts';

afterAll(removeTempDirs);

async function advance(repo: Repo, ...args: string[]) {
  return runScript('advance', [...args, '--today', FIXTURE_TODAY], repo.dir);
}

/** The lines that went away and the lines that came in, as whole lines. */
function changedLines(before: string, after: string) {
  const parts = diffLines(before, after);
  return {
    removed: parts.filter((p) => p.removed).map((p) => p.value),
    added: parts.filter((p) => p.added).map((p) => p.value),
  };
}

async function validates(repo: Repo): Promise<void> {
  const run = await runScript('validate', ['--today', FIXTURE_TODAY], repo.dir);
  expect(run.stdout).toContain('✔ 0 errors');
  expect(run.status).toBe(0);
}

describe('advance: every stage transition, requirements met', () => {
  test('development → internal, keeping comments, quoting, flow style, blank lines and the body byte for byte', async () => {
    const repo = makeRepo();
    const file = repo.feature('reply-drafts');
    const before = readFileSync(file, 'utf8');
    const run = await advance(repo, 'reply-drafts', 'internal');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Moved reply-drafts to Internal Release on ${FIXTURE_TODAY}: content/features/reply-drafts.mdx`);
    expect(run.stdout).toContain('check-pr will ask @garymcgrath to review it');
    const after = readFileSync(file, 'utf8');
    // Only the changed keys differ: the stage line, and one new line under dates.
    expect(changedLines(before, after)).toEqual({
      removed: ['stage: development\n'],
      added: ['stage: internal\n', `  internal: ${FIXTURE_TODAY}\n`],
    });
    expect(after).toContain("flag: 'reply-drafts'\n");
    expect(after).toContain('  development: 2026-10-01  # kick-off\n  internal: 2026-11-21\n\napprovers:\n');
    const body = before.slice(before.indexOf('\n---\n') + 5);
    expect(after.endsWith(body)).toBe(true);
    await validates(repo);
  });

  test('internal → beta with two approvers, one dated', async () => {
    const repo = makeRepo();
    const file = repo.feature('inbox-search');
    const before = readFileSync(file, 'utf8');
    const run = await advance(repo, 'inbox-search', 'beta', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney@2026-11-19');
    expect(run.status).toBe(0);
    expect(changedLines(before, readFileSync(file, 'utf8'))).toEqual({
      removed: ['stage: internal\n'],
      added: [
        'stage: beta\n',
        `  beta: ${FIXTURE_TODAY}\n`,
        `  - person: gary-mcgrath\n    stage: beta\n    date: ${FIXTURE_TODAY}\n  - person: alicia-carney\n    stage: beta\n    date: 2026-11-19\n`,
      ],
    });
    expect(run.stdout).toContain('check-pr will ask @garymcgrath, @aliciacarney to review it, as the approvers of Beta Release.');
    await validates(repo);
  });

  test('beta → public on a given date', async () => {
    const repo = makeRepo();
    const run = await advance(repo, 'ticket-export', 'public', '--date', '2026-11-20', '--approver', 'gary-mcgrath@2026-11-18', '--approver', 'james-doman-pipe@2026-11-19');
    expect(run.status).toBe(0);
    const after = readFileSync(repo.feature('ticket-export'), 'utf8');
    expect(after).toContain('stage: public\n');
    expect(after).toContain('  beta: 2026-10-20\n  public: 2026-11-20\napprovers:\n');
    expect(run.stdout).toContain('check-pr will ask @garymcgrath, james-doman-pipe to review it');
    await validates(repo);
  });

  test('internal → public, skipping Beta (Beta is optional), once what Public needs is in place', async () => {
    const repo = makeRepo();
    repo.edit('features/inbox-search.mdx', '  flag-confirmed: 2026-10-23\n', '  flag-confirmed: 2026-10-23\n  analytics-validated: 2026-11-12\ndocs: none\nchangelog:\n  category: new\n  text: You can now search every conversation.\n');
    const run = await advance(repo, 'inbox-search', 'public', '--approver', 'gary-mcgrath@2026-11-20', '--approver', 'alicia-carney@2026-11-20');
    expect(run.status).toBe(0);
    await validates(repo);
  });

  test('warnings do not block the move: they are shown', async () => {
    const repo = makeRepo();
    // Entering Beta four days after Internal Release is short of the 7-day soak.
    const run = await advance(repo, 'inbox-search', 'beta', '--date', '2026-10-30', '--approver', 'gary-mcgrath@2026-10-29', '--approver', 'alicia-carney@2026-10-29');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/warning +Beta Release was entered 4 days after Internal Release.*soak-short/);
    expect(readFileSync(repo.feature('inbox-search'), 'utf8')).toContain('stage: beta\n');
  });
});

describe('advance: requirements not met → refused, the file byte-identical', () => {
  async function refused(repo: Repo, id: string, args: string[]) {
    const file = repo.feature(id);
    const before = readFileSync(file, 'utf8');
    const mtime = statSync(file).mtimeMs;
    const run = await advance(repo, id, ...args);
    expect(run.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
    // No temporary file left behind either.
    expect(readdirSync(path.dirname(file)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(run.stdout).toContain(`Refused: content/features/${id}.mdx is unchanged.`);
    return run.stdout;
  }

  test('development → internal without flag, checklist or approval', async () => {
    const out = await refused(makeRepo(), 'tag-colors', ['internal']);
    expect(out).toContain(
      [
        'To enter Internal Release, tag-colors still needs:',
        '  - approval by a person with role support (gary-mcgrath) for stage internal',
        '  - checklist item hallway-tests (Hallway tests with internal users)',
        '  - checklist item design-review (Final design review)',
        '  - checklist item docs-review (Documentation review)',
        '  - checklist item analytics-review (Analytics review (the feature records the metrics it needs))',
        '  - checklist item flag-confirmed (Feature flag confirmed to switch the feature on and off)',
        '  - a feature flag (`flag:`)',
      ].join('\n'),
    );
    expect(out).toMatch(/error +Internal Release was entered on 2026-11-21 without an approval by a person with role support\. +approval-missing/);
    expect(out).toContain('flag-missing');
  });

  test('internal → beta without approvals names the roles and who holds them', async () => {
    const out = await refused(makeRepo(), 'inbox-search', ['beta', '--approver', 'gary-mcgrath']);
    expect(out).toContain(
      ['To enter Beta Release, inbox-search still needs:', '  - approval by a person with role growth (james-doman-pipe, alicia-carney) for stage beta'].join('\n'),
    );
  });

  test('beta → public with an open high-priority bug, no docs, no changelog, no analytics check', async () => {
    const out = await refused(makeRepo(), 'bulk-tagging', ['public', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney']);
    expect(out).toContain(
      [
        'To enter Public Release, bulk-tagging still needs:',
        '  - checklist item analytics-validated (Logging and analytics validated for the critical flows)',
        '  - no open high-priority bug (open: https://github.com/acme/helpdesk/issues/455)',
        '  - a ready self-service article named in `docs:` (or `docs: none`)',
        '  - a customer-facing changelog entry (`changelog:` with category and text)',
      ].join('\n'),
    );
  });

  test('internal → public without what Public needs', async () => {
    const out = await refused(makeRepo(), 'inbox-search', ['public']);
    expect(out).toContain('  - approval by a person with role support (gary-mcgrath) for stage public');
    expect(out).toContain('  - approval by a person with role growth (james-doman-pipe, alicia-carney) for stage public');
    expect(out).toContain('  - a customer-facing changelog entry');
  });

  test('development → beta skips the mandatory Internal Release', async () => {
    const out = await refused(makeRepo(), 'tag-colors', ['beta', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney']);
    expect(out).toContain('  - to have entered Internal Release first (it is mandatory)');
    expect(out).toContain('internal-mandatory');
  });

  test('an approval dated after the entry date is refused (approval-late)', async () => {
    const out = await refused(makeRepo(), 'inbox-search', ['beta', '--date', '2026-11-10', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney@2026-11-09']);
    expect(out).toContain('approval-late');
  });

  test('an entry date in the future is refused (date-in-future)', async () => {
    const out = await refused(makeRepo(), 'inbox-search', ['beta', '--date', '2026-12-01', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney']);
    expect(out).toContain('date-in-future');
  });
});

describe('advance: --dry-run and how the file is written', () => {
  test('--dry-run prints a unified diff and writes nothing', async () => {
    const repo = makeRepo();
    const file = repo.feature('inbox-search');
    const before = readFileSync(file, 'utf8');
    const run = await advance(repo, 'inbox-search', 'beta', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney', '--dry-run');
    expect(run.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(run.stdout).toContain('--- content/features/inbox-search.mdx\tnow\n+++ content/features/inbox-search.mdx\tafter advance to beta\n');
    expect(run.stdout).toContain('-stage: internal\n+stage: beta\n');
    expect(run.stdout).toContain(`   internal: 2026-10-26\n+  beta: ${FIXTURE_TODAY}\n`);
    expect(run.stdout).toContain('Dry run: inbox-search can enter Beta Release on 2026-11-21; nothing was written.');
  });

  test('--dry-run of a move that would be refused exits 1 and shows why', async () => {
    const repo = makeRepo();
    const run = await advance(repo, 'tag-colors', 'internal', '--dry-run');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('+stage: internal');
    expect(run.stdout).toContain('To enter Internal Release, tag-colors still needs:');
  });

  test('the written file keeps its permissions', async () => {
    const repo = makeRepo();
    const file = repo.feature('reply-drafts');
    chmodSync(file, 0o640);
    expect((await advance(repo, 'reply-drafts', 'internal')).status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  test('an approver who already pre-approved the stage is not added twice', async () => {
    const repo = makeRepo();
    const run = await advance(repo, 'reply-drafts', 'internal', '--approver', 'gary-mcgrath');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('gary-mcgrath already approved Internal Release; that approval is kept as it is.');
    expect(readFileSync(repo.feature('reply-drafts'), 'utf8').match(/person: gary-mcgrath/g)).toHaveLength(1);
  });

  test('CRLF line endings stay CRLF', async () => {
    const repo = makeRepo();
    const file = repo.feature('inbox-search');
    repo.write('features/inbox-search.mdx', readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
    const run = await advance(repo, 'inbox-search', 'beta', '--approver', 'gary-mcgrath', '--approver', 'alicia-carney');
    expect(run.status).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.replaceAll('\r\n', '')).not.toContain('\n');
    expect(after).toContain(`\r\n  beta: ${FIXTURE_TODAY}\r\n`);
  });
});

describe('advance: bad arguments → exit 2, one line, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown feature', ['inbox-serch', 'beta'], /^advance: no feature "inbox-serch" in .*\. Did you mean "inbox-search"\?/],
    ['unknown stage', ['inbox-search', 'betta'], /^advance: unknown stage "betta"\. Did you mean "beta"\? Stages: development, internal, beta, public$/],
    ['unknown approver', ['inbox-search', 'beta', '--approver', 'gary-mcgrat'], /^advance: --approver: "gary-mcgrat" is not in team\.yaml\. Did you mean "gary-mcgrath"\?/],
    ['impossible date', ['inbox-search', 'beta', '--date', '2026-02-30'], /^advance: --date must be a real date written YYYY-MM-DD, not "2026-02-30"$/],
    ['bad approval date', ['inbox-search', 'beta', '--approver', 'gary-mcgrath@yesterday'], /^advance: --approver gary-mcgrath@yesterday must be a real date/],
    ['the same stage', ['inbox-search', 'internal'], /^advance: inbox-search is already in Internal Release$/],
    ['a backward move', ['ticket-export', 'internal'], /^advance: advance only moves forward: ticket-export is in Beta Release\./],
    ['missing stage', ['inbox-search'], /^advance: expected FEATURE STAGE/],
    ['unknown option', ['inbox-search', 'beta', '--aprover', 'x'], /^advance: Unknown option '--aprover'/],
  ];
  test.each(cases)('%s', async (_name, args, message) => {
    const repo = makeRepo();
    const before = readFileSync(repo.feature('inbox-search'), 'utf8');
    const run = await advance(repo, ...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(readFileSync(repo.feature('inbox-search'), 'utf8')).toBe(before);
  });

  test('a page with frontmatter errors is not moved: its errors are shown', async () => {
    const repo = makeRepo();
    repo.edit('features/inbox-search.mdx', 'approvers:', 'aprovers:');
    const before = readFileSync(repo.feature('inbox-search'), 'utf8');
    const run = await advance(repo, 'inbox-search', 'beta');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Unknown key "aprovers"');
    expect(run.stdout).toContain('Refused: fix the frontmatter of content/features/inbox-search.mdx first; nothing was changed.');
    expect(readFileSync(repo.feature('inbox-search'), 'utf8')).toBe(before);
  });
});
