import { existsSync } from 'node:fs';
import path from 'node:path';
import { readContentFile } from '../engine/content-files.ts';
import { UsageError, type LoadResult } from '../engine/load.ts';
import {
  applySuppressions,
  formatSuppressions,
  pruneSuppressions,
  SUPPRESSIONS_FILE,
  suppressionsFor,
  type Suppression,
} from '../engine/suppressions.ts';
import { validateLoaded, type ValidateOptions, type ValidationResult } from '../engine/validate.ts';
import { createFileAtomic, replaceFileIfUnchanged } from './atomic-write.ts';
import type { CommandIo } from './io.ts';

/**
 * `validate --suppress-all` and `--prune-suppressions`: work out the new
 * content/suppressions.json from the findings as they are without any
 * suppression, write it atomically (only if it changes, and only if nobody
 * changed it meanwhile), and return the validation as it reads with the new
 * file. A malformed file stops before anything is written.
 */
export function updateSuppressions(
  io: CommandIo,
  load: LoadResult,
  options: Omit<ValidateOptions, 'suppressions'>,
  mode: 'all' | 'prune',
): ValidationResult {
  const loaded = load.suppressions;
  if (!loaded) throw new UsageError('the content root could not be read, so there is nothing to record');
  if (loaded.problem) throw new UsageError(loaded.problem);
  const raw = validateLoaded(load, { ...options, suppressions: false });
  const next: Suppression[] = mode === 'all' ? suppressionsFor(raw.diagnostics, loaded.root) : pruneSuppressions(loaded.suppressions, raw.diagnostics, loaded.root);

  const file = path.join(loaded.root, SUPPRESSIONS_FILE);
  const shown = path.relative(io.cwd, file).split(path.sep).join('/');
  const before = existsSync(file) ? readContentFile(file) : undefined;
  if (before && 'why' in before) throw new UsageError(`${shown} ${before.why.problem}`);
  const text = formatSuppressions(next);
  const findings = next.reduce((n, s) => n + s.count, 0);
  if (before?.text === text) {
    io.stderr.write(`${shown} is up to date (${describe(next.length, findings)}).\n`);
  } else if (before === undefined && next.length === 0) {
    io.stderr.write(`Nothing to suppress: no finding on a handbook page; ${shown} was not created.\n`);
  } else {
    if (before) replaceFileIfUnchanged(file, before.text, text);
    else createFileAtomic(file, text);
    const dropped = mode === 'prune' ? loaded.suppressions.reduce((n, s) => n + s.count, 0) - findings : 0;
    io.stderr.write(
      mode === 'all'
        ? `Recorded ${describe(next.length, findings)} in ${shown}: they are no longer reported; every new finding still is.\n`
        : `Pruned ${shown}: ${dropped} suppressed finding${dropped === 1 ? '' : 's'} no longer found; ${describe(next.length, findings)} left.\n`,
    );
  }
  const { reported, suppressed } = applySuppressions(raw.diagnostics, next, loaded.root);
  return {
    ...raw,
    diagnostics: reported,
    suppressed: suppressed.length,
    summary: {
      files: raw.summary.files,
      errors: reported.filter((d) => d.severity === 'error').length,
      warnings: reported.filter((d) => d.severity === 'warning').length,
    },
  };
}

function describe(entries: number, findings: number): string {
  return `${findings} finding${findings === 1 ? '' : 's'} in ${entries} entr${entries === 1 ? 'y' : 'ies'}`;
}
