import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, loadProcess } from '../../src/engine/load.ts';
import { fixturesDir, repoRoot } from '../helpers/validate.ts';

describe('loadProcess', () => {
  it('reads the same process as loadContent, without the rest of the root', () => {
    const root = path.join(repoRoot, 'content');
    expect(loadProcess(root)).toEqual(loadContent(root).content!.process);
  });

  it('is undefined for an invalid or missing process.yaml', () => {
    expect(loadProcess(path.join(fixturesDir, 'rules/frontmatter-process'))).toBeUndefined();
    expect(loadProcess(path.join(fixturesDir, 'no-such-root'))).toBeUndefined();
  });
});
