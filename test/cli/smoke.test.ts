import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { spawnScript } from '../helpers/cli.ts';
import { FIXTURE_TODAY, fixturesDir, gitEnv, makeRepo, removeTempDirs, tempDir } from '../helpers/repo.ts';
import { repoRoot } from '../helpers/validate.ts';

/**
 * One test per npm script, run as a real process (`node scripts/NAME.mjs`):
 * the entry point builds the io from the process, runs the command and sets
 * the exit code. Everything else about the commands is tested in-process.
 */

afterAll(removeTempDirs);

const TODAY = ['--today', FIXTURE_TODAY];
const inRepo = { ...gitEnv, NO_COLOR: '1' };

describe('each npm script as a process', () => {
  test('validate: exit 0 and the summary line for a clean root', () => {
    const run = spawnScript('validate', ['--content', 'test/fixtures/cli/clean', ...TODAY], { cwd: repoRoot });
    expect(run).toEqual({ status: 0, stdout: '✔ 0 errors, 0 warnings in 10 files\n', stderr: '' });
  });

  test('check-pr: exit 0 and no reviewers for a branch without changes', () => {
    const repo = makeRepo();
    const run = spawnScript('check-pr', ['--base', 'main', ...TODAY], { cwd: repo.dir, env: inRepo });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Reviewers to request: none (the pull request enters no stage and changes no process file)');
  });

  test('advance: exit 0 and the move written', () => {
    const repo = makeRepo();
    const run = spawnScript('advance', ['reply-drafts', 'internal', ...TODAY], { cwd: repo.dir, env: inRepo });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Moved reply-drafts to Internal Release on ${FIXTURE_TODAY}: content/features/reply-drafts.mdx\n`);
    expect(repo.read('features/reply-drafts.mdx')).toContain('stage: internal\n');
  });

  test('new-feature: exit 0 and the page created', () => {
    const repo = makeRepo();
    const run = spawnScript('new-feature', ['scheduled-replies', '--title', 'Scheduled replies', '--owner', 'marco-rossi', ...TODAY], { cwd: repo.dir, env: inRepo });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Created content/features/scheduled-replies.mdx: Scheduled replies, in Development since ${FIXTURE_TODAY}, owned by marco-rossi.`);
  });

  test('changelog: exit 0 and the release notes title', () => {
    const run = spawnScript('changelog', ['--content', path.join(fixturesDir, 'public-canary'), ...TODAY], { cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe("# What's new");
  });

  test('insights: exit 0 and one JSON document', () => {
    const run = spawnScript('insights', ['--content', path.join(fixturesDir, 'insights/numbers'), '--format', 'json', ...TODAY], { cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).wip).toEqual({ development: 1, internal: 1, beta: 1 });
  });

  test('build: exit 1 before Astro starts when the content has errors', () => {
    const run = spawnScript('build', ['--content', 'test/fixtures/cli/mixed', ...TODAY, '--out', tempDir()], { cwd: repoRoot });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('build: stopped: fix the errors above first (nothing was built)\n');
  });

  test('dev: exit 2 and one line on stderr without a content root', () => {
    const run = spawnScript('dev', ['--content', 'test/fixtures/cli/no-such-root'], { cwd: repoRoot });
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dev: content root not found: test/fixtures/cli/no-such-root (pass --content DIR with process.yaml, team.yaml, features/, docs/ and handbook/)\n',
    });
  });

  test('bugs: exit 2 and one line on stderr when process.yaml declares no tracker', () => {
    const run = spawnScript('bugs', ['sync', '--content', 'test/fixtures/cli/clean'], { cwd: repoRoot });
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'bugs: process.yaml declares no tracker: add "tracker:" with github, featureLabel and priority (see the content contract)\n',
    });
  });

  test('announce: exit 0 and says when nothing changed stage', () => {
    const repo = makeRepo();
    const run = spawnScript('announce', ['--from', 'HEAD'], { cwd: repo.dir, env: inRepo });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^No stage changes from [0-9a-f]{7} to [0-9a-f]{7}\.\n$/);
  });

  test('schemas: exit 0 and one line per schema written', () => {
    const dir = tempDir();
    cpSync(path.join(fixturesDir, 'cli/clean'), path.join(dir, 'content'), { recursive: true });
    const run = spawnScript('schemas', [], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = readdirSync(path.join(dir, 'content')).filter((name) => name.endsWith('.schema.json'));
    expect(written.length).toBeGreaterThan(0);
    expect(run.stdout).toBe(written.map((name) => `wrote content/${name}\n`).join(''));
  });
});
