import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/validate.ts';

/** 1-based line and column of `needle` in a file (relative to the repo root), found without the validator. */
export function positionOf(file: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in ${file}`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}
