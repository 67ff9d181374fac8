import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/engine/load.ts';
import { runCommand } from '../../src/cli/options.ts';
import { collectingIo } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/validate.ts';

describe('runCommand', () => {
  it("returns the command's exit code and leaves its output alone", async () => {
    const io = collectingIo(repoRoot);
    const status = await runCommand('demo', async (_args, { stdout }) => (stdout.write('done\n'), 1), [], io);
    expect(status).toBe(1);
    expect(io.out).toEqual({ stdout: 'done\n', stderr: '' });
  });

  it('turns a UsageError into exit 2 and its first line on stderr', async () => {
    const io = collectingIo(repoRoot);
    const status = await runCommand('demo', () => Promise.reject(new UsageError('bad argument\nsecond line')), [], io);
    expect(status).toBe(2);
    expect(io.out).toEqual({ stdout: '', stderr: 'demo: bad argument\n' });
  });

  it('turns any other error into exit 2 with its message and no stack trace', async () => {
    const io = collectingIo(repoRoot);
    const status = await runCommand('demo', () => Promise.reject(new Error('the build failed\ncaused by: a page')), [], io);
    expect(status).toBe(2);
    expect(io.out).toEqual({ stdout: '', stderr: 'demo: the build failed\ncaused by: a page\n' });
  });

  it('prints the stack trace first when SHIPLOG_DEBUG is set in the environment it is given', async () => {
    const io = collectingIo(repoRoot, { SHIPLOG_DEBUG: '1' });
    const status = await runCommand('demo', () => Promise.reject(new Error('broken')), [], io);
    expect(status).toBe(2);
    expect(io.out.stderr).toMatch(/^Error: broken\n\s+at /);
    expect(io.out.stderr.endsWith('\ndemo: broken\n')).toBe(true);
  });
});

describe('the commands reach the process only through their io', () => {
  const cliDir = path.join(repoRoot, 'src/cli');
  // process-io.ts builds the io for scripts/; build.ts hands Astro its settings in process.env (setAstroEnvironment).
  const allowed: Record<string, RegExp[]> = {
    'process-io.ts': [/.*/],
    'build.ts': [/^\s*for \(const \[key, value\] of Object\.entries\(env\)\) if \(key\.startsWith\('SHIPLOG_'\).*process\.env\[key\] = value;$/, /^\s*Object\.assign\(process\.env, values\);$/],
  };

  it('no module of src/cli reads process.stdout, stderr, cwd, env or argv, or exits, but those two', () => {
    const found: string[] = [];
    for (const name of readdirSync(cliDir).filter((file) => file.endsWith('.ts'))) {
      const lines = readFileSync(path.join(cliDir, name), 'utf8').split('\n');
      for (const line of lines) {
        if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) continue;
        if (!/\bprocess\.(stdout|stderr|stdin|cwd|env|argv|exit|exitCode|on|once)\b/.test(line)) continue;
        if ((allowed[name] ?? []).some((pattern) => pattern.test(line))) continue;
        found.push(`${name}: ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
