import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/**
 * The file-system half of loading: which entries of a content root are
 * pages, and reading one file, in bounded time and memory whatever the
 * folder holds. A page is a plain file named `*.mdx` (or `*.md` in the
 * handbook and docs); anything else with
 * that name (a folder, a device, a link out of the root) is reported once,
 * never listed or read beneath. A symbolic link is followed only when its
 * target is a plain file inside the content root.
 */

/** Content files are read whole; a larger one is reported instead of read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Why an entry that looks like a page is not read. */
export interface Unreadable {
  problem: string;
  hint: string;
}

export interface PageListing {
  /** Page files, '/'-separated paths relative to the folder, sorted. */
  pages: string[];
  /** Entries named like pages that are not plain files in the root. */
  odd: { name: string; why: Unreadable }[];
  /** Plain files that are not pages (images beside an article), '/'-separated, relative to the folder. */
  assets: string[];
}

/** Feature pages are MDX only. */
export const MDX_PAGE = /\.mdx$/;
/** Handbook pages and articles may also be plain Markdown. */
export const MARKDOWN_OR_MDX_PAGE = /\.mdx?$/;

/**
 * The pages of `folder` (flat, or at any depth for the nested handbook):
 * files whose names match `page`. Hidden files and folders are skipped, as a
 * glob would. `root` is the content root's real path: links may not leave it.
 */
export function listPages(root: string, folder: string, nested: boolean, page: RegExp = MDX_PAGE): PageListing {
  const PAGE = page;
  const pages: string[] = [];
  const odd: PageListing['odd'] = [];
  const assets: string[] = [];
  // Iterative, so that no folder depth can exhaust the stack; folders behind links are never entered.
  const folders: string[] = [''];
  while (folders.length > 0) {
    const relative = folders.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(relative === '' ? folder : path.join(folder, relative), { withFileTypes: true });
    } catch (error) {
      if (relative !== '') odd.push({ name: relative, why: unreadableFolder(error) });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (nested) folders.push(name);
        else if (PAGE.test(entry.name)) odd.push({ name, why: { problem: 'is a folder, not a page file', hint: 'Pages are files; move the folder out of here or rename it.' } });
        continue;
      }
      if (!PAGE.test(entry.name)) {
        if (entry.isFile()) assets.push(name);
        else if (nested && entry.isSymbolicLink() && isFolderLink(path.join(folder, name))) {
          odd.push({ name, why: { problem: 'is a link to a folder, which is not followed', hint: 'Copy or move the pages into the handbook instead of linking to them.' } });
        }
        continue;
      }
      if (entry.isFile()) pages.push(name);
      else if (entry.isSymbolicLink()) {
        const why = linkProblem(root, path.join(folder, name));
        if (why) odd.push({ name, why });
        else pages.push(name);
      } else odd.push({ name, why: { problem: 'is not a plain file', hint: 'Replace it with a plain page file, or remove it.' } });
    }
  }
  pages.sort();
  odd.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { pages, odd, assets };
}

/** Why the link at `file` may not be read as a page, or undefined when its target is a plain file inside `root`. */
export function linkProblem(root: string, file: string): Unreadable | undefined {
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    return { problem: 'is a link to nothing (its target does not exist)', hint: 'Remove the link, or point it at a page inside the content root.' };
  }
  if (target !== root && !target.startsWith(root + path.sep)) {
    return { problem: 'is a link that leads outside the content root, which is never read', hint: 'Copy the page into the content root instead of linking to it.' };
  }
  return statSync(target).isFile() ? undefined : { problem: 'is a link to something that is not a plain file', hint: 'Point the link at a page file inside the content root, or remove it.' };
}

function isFolderLink(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function unreadableFolder(error: unknown): Unreadable {
  const code = (error as NodeJS.ErrnoException).code ?? 'an error';
  return { problem: `is a folder that could not be read (${code})`, hint: 'Check the folder\'s permissions.' };
}

/**
 * A file's text, or why it was not read: not a plain file (a FIFO is opened
 * without waiting for a writer), larger than MAX_FILE_BYTES, or an error.
 */
export function readContentFile(file: string): { text: string } | { why: Unreadable } {
  const read = readContentBytes(file);
  if (!('bytes' in read)) return read;
  try {
    // Fatal: the sites' build refuses a file that is not UTF-8, so it is a finding here, not replacement characters.
    return { text: utf8.decode(read.bytes) };
  } catch {
    return { why: { problem: 'is not valid UTF-8 text', hint: 'Save the file as UTF-8 (most editors have it under "Save with encoding").' } };
  }
}

/** Keeps a byte-order mark as U+FEFF (the frontmatter fence finder expects it), and refuses bytes that are not UTF-8. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What a file beside the pages is, judged by its first bytes (what Astro's image pipeline will find). */
export type AssetKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg' | 'other';

/** Reads at most the first kilobyte of `file` to tell what it is. */
export function assetKind(file: string): AssetKind {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return 'other';
  }
  try {
    if (!fstatSync(fd).isFile()) return 'other';
    const head = Buffer.alloc(1024);
    const length = readSync(fd, head, 0, head.length, 0);
    return kindOf(head.subarray(0, length));
  } catch {
    return 'other';
  } finally {
    closeSync(fd);
  }
}

function kindOf(head: Buffer): AssetKind {
  const ascii = (from: number, to: number) => head.toString('latin1', from, to);
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head.toString('utf8'))) return 'svg';
  return 'other';
}

/** The same, as the bytes on disk (to compare a file with what was read before, byte for byte). */
export function readContentBytes(file: string): { bytes: Buffer } | { why: Unreadable } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { why: unreadableFile(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { why: { problem: 'is not a plain file', hint: 'Replace it with a plain file, or remove it.' } };
    if (stat.size > MAX_FILE_BYTES) {
      return {
        why: {
          problem: `is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a content file`,
          hint: 'Split the page into several pages, or move large data out of the content root.',
        },
      };
    }
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { why: unreadableFile(error) };
  } finally {
    closeSync(fd);
  }
}

function unreadableFile(error: unknown): Unreadable {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it does not exist (a broken link?)' : (code ?? String(error));
  return { problem: `could not be read: ${reason}`, hint: 'Check that the file exists, is a plain file and is readable.' };
}
