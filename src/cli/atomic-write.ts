import { readContentBytes } from '../engine/content-files.ts';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes people's files so that a crash, a full disk or Ctrl-C midway leaves
 * either the old file or the new one, never half of each: the text goes to a
 * temporary file in the same folder (same file system), which then replaces
 * the target in one rename.
 */

function temporaryPath(target: string): string {
  // Not named after the target: a page name near the file system's 255-byte limit would make it too long.
  return path.join(path.dirname(target), `.shiplog-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** The file changed on disk since it was read (another run, or an editor's save): nothing was written. */
export class ConcurrentChangeError extends Error {}

/** A lock older than this was left by a run that died; holding one takes milliseconds. */
const STALE_LOCK_MS = 60_000;

/**
 * Replaces an existing file with `text`, but only if it still holds exactly
 * `expected` (the text the change was worked out from); otherwise throws
 * ConcurrentChangeError and writes nothing, so a concurrent edit is never
 * lost.
 *
 * The comparison is made after the new text is on disk in its temporary
 * file, immediately before the rename, while holding a lock file next to the
 * target: two runs of this function on one file cannot both pass the
 * comparison, and an editor saving at any earlier moment is seen.
 *
 * A symbolic link is followed: the file it points to gets the new text, and
 * the link stays a link. Permission bits are kept.
 */
export function replaceFileIfUnchanged(target: string, expected: string, text: string): void {
  const real = realpathSync(target);
  const lock = acquireLock(real);
  try {
    const mode = statSync(real).mode & 0o7777;
    const temporary = temporaryPath(real);
    try {
      writeFileSync(temporary, text, { encoding: 'utf8', mode, flag: 'wx' });
      // The umask may have narrowed the mode given at creation.
      chmodSync(temporary, mode);
      const now = readContentBytes(real);
      if (!('bytes' in now) || !now.bytes.equals(Buffer.from(expected, 'utf8'))) {
        throw new ConcurrentChangeError(`${target} changed on disk while the change was being prepared`);
      }
      renameSync(temporary, real);
    } catch (error) {
      removeQuietly(temporary);
      throw error;
    }
  } finally {
    removeQuietly(lock);
  }
}

/** Creates `.<name>.lock` beside the file, exclusively; a second holder is a concurrent change. */
function acquireLock(real: string): string {
  const lock = path.join(path.dirname(real), `.${path.basename(real)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'));
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt > 0 || !isStale(lock)) break;
      removeQuietly(lock);
    }
  }
  throw new ConcurrentChangeError(`another command is writing ${real} (if none is running, delete the lock file ${lock})`);
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    // Gone already: the other holder finished.
    return true;
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
