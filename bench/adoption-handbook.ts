import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A synthetic adopted handbook with the shapes measured on a real public
 * one (883 pages, 6 MB, about 3.6 relative links a page): plain `.md` files
 * without frontmatter, nested folders up to three deep, file names with `_`,
 * capitals and spaces, a README as a folder's page, links to `.md` files
 * (some without the extension, some with `%20`, some to folders) and to
 * headings, images beside the pages, repeated headings, and a few really
 * broken links (a missing page, a missing heading) as a real handbook has.
 * Deterministic: the same count gives the same files. No third-party text.
 */

export interface AdoptedHandbook {
  /** Page files written, from `handbook/`. */
  pages: string[];
  /** Links that are really broken (missing page or heading), as `file -> target`. */
  broken: string[];
}

const FOLDERS = ['Engineering', 'people_ops', 'Sales and Marketing', 'security', 'Product', 'finance_and_legal', 'Customer Success', 'IT'];
const SUB = ['onboarding', 'Policies', 'how_to', 'Tools', 'team rituals', 'reference'];
const WORDS = ['release', 'review', 'customer', 'incident', 'budget', 'hiring', 'laptop', 'vendor', 'roadmap', 'support', 'travel', 'expense', 'access', 'backup', 'metrics', 'offsite'];

/** A small valid PNG (8x8, grey), for the pages' images: the build really converts it. */
const PNG = (() => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill(128)])));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
})();

/** Writes `count` pages under `<contentRoot>/handbook/<base>/`. */
export function writeAdoptedHandbook(contentRoot: string, count: number, base = 'adopted'): AdoptedHandbook {
  const root = path.join(contentRoot, 'handbook', base);
  const files: string[] = [];
  // Folder paths: 8 top folders, each with 6 subfolders, a few with a third level.
  const folders: string[] = [];
  for (const top of FOLDERS) {
    folders.push(top);
    for (const sub of SUB) {
      folders.push(`${top}/${sub}`);
      if (sub === 'reference') folders.push(`${top}/${sub}/archive`);
    }
  }
  for (let i = 0; i < count; i++) {
    const folder = folders[i % folders.length]!;
    const firstInFolder = i < folders.length;
    const word = WORDS[i % WORDS.length]!;
    // Names as people write them: snake_case, Capitals, spaces; a folder's README is its page.
    const name = firstInFolder ? 'README.md' : i % 7 === 0 ? `${cap(word)} Guide ${i}.md` : i % 3 === 0 ? `${word}_process_${i}.md` : `${word}-notes-${i}.md`;
    files.push(`${folder}/${name}`);
  }
  const broken: string[] = [];
  for (const [i, file] of files.entries()) {
    const dir = path.posix.dirname(file);
    const linkTo = (j: number) => {
      const target = files[(i + j * 37) % files.length]!;
      let relative = path.posix.relative(dir, target);
      if (!relative.startsWith('.')) relative = `./${relative}`;
      return relative;
    };
    const links: string[] = [];
    // A link to a page, written four ways, with the heading each page has.
    links.push(`[the ${WORDS[(i + 1) % WORDS.length]} page](${escapeSpaces(linkTo(1))})`);
    links.push(`[its process section](${escapeSpaces(linkTo(2))}#the-process)`);
    links.push(`[without the extension](${escapeSpaces(linkTo(3).replace(/\.md$/, ''))})`);
    links.push(`[angle brackets](<${linkTo(4)}#questions-1>)`);
    if (i % 5 === 0) links.push(`[the folder](${escapeSpaces(path.posix.relative(dir, path.posix.dirname(files[(i + 11) % files.length]!)) || '.')}/)`);
    links.push(`[the diagram](./diagram.png)`);
    // About one page in sixty has a really broken link, one in forty a broken heading.
    if (i % 60 === 7) {
      links.push('[the old page](./retired-page.md)');
      broken.push(`${file} -> ./retired-page.md`);
    }
    if (i % 40 === 3) {
      const target = linkTo(5);
      links.push(`[a renamed heading](${escapeSpaces(target)}#old-heading)`);
      broken.push(`${file} -> ${target}#old-heading`);
    }
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, file), page(i, file, links));
  }
  for (const folder of new Set(files.map((file) => path.posix.dirname(file)))) writeFileSync(path.join(root, folder, 'diagram.png'), PNG);
  return { pages: files, broken };
}

function page(i: number, file: string, links: string[]): string {
  const word = WORDS[i % WORDS.length]!;
  const title = path.posix.basename(file) === 'README.md' ? cap(path.posix.dirname(file).split('/').pop()!.replace(/_/g, ' ')) : `${cap(word)} ${i}`;
  const paragraph = (n: number) =>
    `This section explains how the ${word} work is done at the company, step ${n}: who does it, when, and where to ask. ` +
    `Keep it short, link to the source of truth, and update the page when the process changes. `.repeat(3);
  return [
    `# ${title}`,
    '',
    paragraph(1),
    '',
    '![A diagram of the flow](./diagram.png)',
    '',
    '## The process',
    '',
    paragraph(2),
    '',
    ...links.map((link) => `- See ${link}.`),
    '',
    '## Questions',
    '',
    paragraph(3),
    '',
    '## Questions',
    '',
    'Yes, a second "Questions" heading: GitHub gives it the id questions-1.',
    '',
    '| Step | Owner | When |',
    '| --- | --- | --- |',
    `| ${word} | the team | weekly |`,
    '',
    '```sh',
    '# not a heading: this is code',
    'echo done',
    '```',
    '',
    paragraph(4),
    '',
  ].join('\n');
}

function escapeSpaces(link: string): string {
  return link.replace(/ /g, '%20');
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

