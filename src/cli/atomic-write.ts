import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes people's files so that a crash, a full disk or Ctrl-C midway leaves
 * either the old file or the new one, never half of each: the text goes to a
 * temporary file in the same folder (same file system), which then replaces
 * the target in one rename.
 */

function temporaryPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Replaces an existing file, keeping its permission bits. */
export function replaceFileAtomic(target: string, text: string): void {
  const mode = statSync(target).mode & 0o7777;
  const temporary = temporaryPath(target);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', mode, flag: 'wx' });
    // The umask may have narrowed the mode given at creation.
    chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/**
 * Creates a file that must not exist yet. A hard link fails if the target
 * appeared in the meantime, where a rename would silently overwrite it.
 * Throws with code EEXIST in that case.
 */
export function createFileAtomic(target: string, text: string): void {
  const temporary = temporaryPath(target);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
    linkSync(temporary, target);
  } finally {
    removeQuietly(temporary);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never written.
  }
}
