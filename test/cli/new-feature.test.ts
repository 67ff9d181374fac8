import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURE_TODAY, makeRepo, removeTempDirs, runScript, type Repo } from '../helpers/repo.ts';

afterAll(removeTempDirs);

const create = (repo: Repo, ...args: string[]) => runScript('new-feature', [...args, '--today', FIXTURE_TODAY], repo.dir);

describe('new-feature', () => {
  test('creates a page in development, dated today, that passes validate as created', async () => {
    const repo = makeRepo();
    const run = await create(repo, 'scheduled-replies', '--title', 'Scheduled replies', '--owner', 'marco-rossi', '--summary', "Agents schedule a reply to send later, in the customer's timezone.");
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created content/features/scheduled-replies.mdx: Scheduled replies, in Development since 2026-11-21, owned by marco-rossi.');
    const text = readFileSync(repo.feature('scheduled-replies'), 'utf8');
    expect(text.slice(0, text.indexOf('\n---\n') + 5)).toBe(
      [
        '---',
        'title: Scheduled replies',
        "summary: Agents schedule a reply to send later, in the customer's timezone.",
        'owner: marco-rossi',
        'team: frontend',
        'stage: development',
        'flag: scheduled-replies',
        'dates:',
        '  development: 2026-11-21',
        '---',
        '',
      ].join('\n'),
    );
    for (const heading of ['## The problem', '## The approach', '## Rollout and flag', '## Risks', '## Links']) expect(text).toContain(`\n${heading}\n`);

    const validate = await runScript('validate', ['--today', FIXTURE_TODAY], repo.dir);
    expect(validate.stdout).toBe('✔ 0 errors, 0 warnings in 16 files\n');
    expect(validate.status).toBe(0);
  });

  test('quotes a title that YAML would misread, and says when the summary only repeats the title', async () => {
    const repo = makeRepo();
    const run = await create(repo, 'csv-import', '--title', 'CSV import: contacts', '--owner', 'dana-lee');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No --summary given: the summary repeats the title.');
    expect(readFileSync(repo.feature('csv-import'), 'utf8')).toContain('title: "CSV import: contacts"\nsummary: "CSV import: contacts"\n');
    expect((await runScript('validate', ['--today', FIXTURE_TODAY], repo.dir)).status).toBe(0);
  });

  test('leaves the flag out when another feature already uses that key, and says so', async () => {
    const repo = makeRepo();
    repo.edit('features/tag-colors.mdx', 'stage: development\n', 'stage: development\nflag: tag-search\n');
    const run = await create(repo, 'tag-search', '--title', 'Tag search', '--owner', 'dana-lee');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The flag "tag-search" is already used by another feature');
    expect(readFileSync(repo.feature('tag-search'), 'utf8')).not.toContain('flag:');
    expect((await runScript('validate', ['--today', FIXTURE_TODAY], repo.dir)).status).toBe(0);
  });

  const refusals: [string, string[], RegExp][] = [
    ['an existing id', ['inbox-search', '--title', 'Again', '--owner', 'dana-lee'], /^new-feature: the feature "inbox-search" already exists: content\/features\/inbox-search\.mdx$/],
    ['an unknown owner', ['new-thing', '--title', 'New thing', '--owner', 'dana-le'], /^new-feature: --owner: "dana-le" is not in team\.yaml\. Did you mean "dana-lee"\? People with role engineer: dana-lee, marco-rossi$/],
    ['an owner who is not an engineer', ['new-thing', '--title', 'New thing', '--owner', 'gary-mcgrath'], /^new-feature: --owner: gary-mcgrath does not have the role engineer/],
    ['an invalid id', ['New_Thing', '--title', 'New thing', '--owner', 'dana-lee'], /^new-feature: "New_Thing" is not a valid feature id/],
    // A valid file name on its own, but too long to write beside with a temporary or lock file.
    ['an id of 240 characters', ['b'.repeat(240), '--title', 'Long', '--owner', 'dana-lee'], /^new-feature: "b{57}\.\.\." is not a valid feature id: use at most 100 /],
    ['no title', ['new-thing', '--owner', 'dana-lee'], /^new-feature: --title is required$/],
    ['no owner', ['new-thing', '--title', 'New thing'], /^new-feature: --owner PERSON is required/],
    ['a two-line summary', ['new-thing', '--title', 'T', '--owner', 'dana-lee', '--summary', 'one\ntwo'], /^new-feature: --summary must be one non-empty line$/],
  ];
  test.each(refusals)('refuses %s: exit 2, one line, no file', async (_name, args, message) => {
    const repo = makeRepo();
    const before = readdirSync(path.join(repo.content, 'features')).sort();
    const run = await create(repo, ...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(readdirSync(path.join(repo.content, 'features')).sort()).toEqual(before);
    expect(existsSync(repo.feature('new-thing'))).toBe(false);
  });
});
