import { existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import GithubSlugger from 'github-slugger';
import { assetKind, linkProblem, listPages, MARKDOWN_OR_MDX_PAGE, MDX_PAGE, readContentFile, type AssetKind, type Unreadable } from './content-files.ts';
import type { Finding } from './finding.ts';
import type { PageCollection, PageRef } from './links.ts';
import type { Content, ContentFile, Entry } from './model.ts';
import { isFileId, MAX_FILE_ID_LENGTH } from './schemas/common.ts';
import { docSchema, featureSchema, handbookSchema, processSchema, teamSchema } from './schemas/index.ts';
import type { Process, Team } from './schemas/index.ts';
import { splitFrontmatter, type SourceFile, type SourceKind } from './source.ts';
import { parseSuppressions, SUPPRESSIONS_FILE, type LoadedSuppressions } from './suppressions.ts';
import { explainIssues } from './zod-issues.ts';
import { reportSyntaxErrors } from './yaml-errors.ts';
import { readYaml } from './yaml-reader.ts';

/**
 * Reads a content root into valid entries plus the findings of the
 * `frontmatter` rule. The hot path reads YAML without positions (js-yaml);
 * positions are only computed later, for files with something to report.
 */

/** The command could not run at all (exit code 2), as opposed to content with errors. */
export class UsageError extends Error {}

export interface LoadResult {
  /** Undefined when process.yaml or team.yaml is unusable: nothing else can be judged. */
  content?: Content;
  files: ContentFile[];
  findings: Finding[];
  /** content/suppressions.json as read (validate.ts applies it). */
  suppressions?: LoadedSuppressions;
}

const FRONTMATTER = 'frontmatter';

export interface LoadOptions {
  /** Base for `displayPath`; defaults to the working directory. */
  cwd?: string;
  /** Replaces a file's text as read from disk (advance validates an edit before writing it). */
  overrides?: ReadonlyMap<string, string>;
}

/**
 * Only the process, for callers that need the schemas and nothing else (the
 * site's content collections): no feature is read. Undefined when
 * process.yaml is missing or invalid; `loadContent` says why.
 */
export function loadProcess(root: string): Process | undefined {
  const read = readContentFile(path.join(path.resolve(root), 'process.yaml'));
  if (!('text' in read)) return undefined;
  try {
    const result = processSchema.safeParse(readYaml(read.text.replace(/^\uFEFF/, '')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function loadContent(root: string, options: LoadOptions = {}): LoadResult {
  const absoluteRoot = path.resolve(root);
  if (!existsSync(absoluteRoot) || !statSync(absoluteRoot).isDirectory()) {
    throw new UsageError(`content root not found: ${root} (pass --content DIR with process.yaml, team.yaml, features/, docs/ and handbook/)`);
  }
  // Links may not lead out of the root as it really is on disk.
  const realRoot = realpathSync(absoluteRoot);
  const cwd = options.cwd ?? process.cwd();
  const findings: Finding[] = [];
  const files: ContentFile[] = [];
  // path.relative costs microseconds a call: worked out once per folder, not once per file.
  const shownFolders = new Map<string, string>();
  const shownFolder = (folder: string) => {
    let shown = shownFolders.get(folder);
    if (shown === undefined) shownFolders.set(folder, (shown = path.relative(cwd, folder).split(path.sep).join('/')));
    return shown;
  };
  const shownIn = (shown: string, name: string) => (shown === '' ? name : `${shown}/${name}`);
  const displayPath = (absolute: string) => shownIn(shownFolder(path.dirname(absolute)), path.basename(absolute));
  const source = (absolute: string, shown: string, kind: SourceKind, id: string): ReadSource => {
    const override = options.overrides?.get(absolute);
    const read = override === undefined ? readContentFile(absolute) : { text: override };
    const file: ReadSource = { path: absolute, displayPath: shown, kind, id, text: 'text' in read ? read.text : '' };
    if ('why' in read) file.unreadable = read.why;
    return file;
  };
  const read: Reader = Object.assign((absolute: string, kind: SourceKind, id: string) => source(absolute, displayPath(absolute), kind, id), {
    displayPath,
    // A listed file name needs no normalizing and its folder is known: path.join
    // and path.dirname would cost more than the rest of the loop over thousands of pages.
    page: (folder: string, name: string, kind: SourceKind, id: string) => source(`${folder}${path.sep}${name}`, shownIn(shownFolder(folder), name), kind, id),
    realRoot,
    overridden: (folder: string) =>
      [...(options.overrides?.keys() ?? [])].filter((file) => path.dirname(file) === folder && file.endsWith('.mdx') && !existsSync(file)),
  });

  const processData = loadYamlFile<Process>(absoluteRoot, 'process.yaml', 'process', processSchema, read, files, findings);
  if (!processData) return { files, findings, suppressions: readSuppressions(absoluteRoot, read, files) };
  const teamData = loadYamlFile<Team>(absoluteRoot, 'team.yaml', 'team', teamSchema(processData.data), read, files, findings);

  const pageFiles = new Map<string, PageRef>();
  const features = loadPageFolder(absoluteRoot, 'features', 'feature', featureSchema(processData.data), read, files, findings, pageFiles);
  const docs = loadPageFolder(absoluteRoot, 'docs', 'doc', docSchema, read, files, findings, pageFiles);
  const handbook = loadPageFolder(absoluteRoot, 'handbook', 'handbook', handbookSchema, read, files, findings, pageFiles, processData.data.handbook.extraKeys);
  const suppressions = readSuppressions(absoluteRoot, read, files);
  if (!teamData) return { files, findings, suppressions };

  const releaseProcess = processData.data;
  const stages = releaseProcess.stages.map((stage, index) => ({ ...stage, index }));
  const idsOf = (folder: string) => new Set(files.filter((f) => f.source.kind === folder).map((f) => f.source.id));
  const content: Content = {
    root: absoluteRoot,
    process: releaseProcess,
    processFile: processData.file,
    team: teamData.data,
    teamFile: teamData.file,
    features: features.entries,
    docs: docs.entries,
    handbook: handbook.entries,
    stages,
    stageById: new Map(stages.map((s) => [s.id, s])),
    people: new Map(teamData.data.people.map((p) => [p.id, p])),
    teamIds: new Set(teamData.data.teams.map((t) => t.id)),
    featureById: new Map(features.entries.map((e) => [e.id, e])),
    docById: new Map(docs.entries.map((e) => [e.id, e])),
    assets: new Map([...features.assets, ...docs.assets, ...handbook.assets]),
    featureFileIds: idsOf('feature'),
    docFileIds: idsOf('doc'),
    handbookFileIds: idsOf('handbook'),
    pageFiles,
  };
  return { content, files, findings, suppressions };
}

/** A file as read, or with why it could not be (its text is then empty). */
type ReadSource = SourceFile & { unreadable?: Unreadable };

interface Reader {
  (absolute: string, kind: SourceKind, id: string): ReadSource;
  /** The same for a plain file `name` in `folder` (a normalized path without a trailing separator). */
  page(folder: string, name: string, kind: SourceKind, id: string): ReadSource;
  displayPath(absolute: string): string;
  /** The content root's real path: links may not leave it. */
  realRoot: string;
  /** Paths given in `overrides` that are not on disk yet (a page about to be created). */
  overridden(folder: string): string[];
}

function loadYamlFile<T>(
  root: string,
  name: string,
  kind: SourceKind,
  schema: z.ZodType<T>,
  read: Reader,
  files: ContentFile[],
  findings: Finding[],
): { data: T; file: ContentFile } | undefined {
  const absolute = path.join(root, name);
  const missing = (why: Unreadable) => {
    const file: ContentFile = { source: { path: absolute, displayPath: read.displayPath(absolute), kind, id: kind, text: '' }, blockOffset: 0 };
    files.push(file);
    findings.push({ rule: FRONTMATTER, file, message: `${name} ${why.problem}.`, hint: why.hint });
    return undefined;
  };
  let entry: Stats;
  try {
    entry = lstatSync(absolute);
  } catch {
    return missing({ problem: 'is missing from the content root', hint: `Create ${name}; see the README's "Content model" section for its format.` });
  }
  const linkWhy = entry.isSymbolicLink() ? linkProblem(read.realRoot, absolute) : undefined;
  if (linkWhy) return missing(linkWhy);
  const source = read(absolute, kind, kind);
  if (source.unreadable) return missing(source.unreadable);
  const start = source.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const file: ContentFile = { source, blockOffset: start, yaml: { text: source.text.slice(start), offset: start } };
  files.push(file);
  const data = parseAndCheck(file, schema, findings);
  return data === undefined ? undefined : { data, file };
}

/**
 * What each folder holds. Feature pages are `.mdx` with frontmatter, named by
 * their id. Articles may also be `.md`. Handbook pages may be `.md` or
 * `.mdx`, at any depth, with or without frontmatter (an adopted handbook's
 * pages have none), and their ids come from their paths (`handbookIds`).
 */
const FOLDERS = {
  feature: { nested: false, page: MDX_PAGE, frontmatterOptional: false },
  doc: { nested: false, page: MARKDOWN_OR_MDX_PAGE, frontmatterOptional: false },
  handbook: { nested: true, page: MARKDOWN_OR_MDX_PAGE, frontmatterOptional: true },
} as const;

function loadPageFolder<T>(
  root: string,
  folder: PageCollection,
  kind: 'feature' | 'doc' | 'handbook',
  schema: z.ZodType<T>,
  read: Reader,
  files: ContentFile[],
  findings: Finding[],
  pageFiles: Map<string, PageRef>,
  extraKeys: readonly string[] = [],
): { entries: Entry<T>[]; assets: Map<string, AssetKind> } {
  const base = path.join(root, folder);
  const entries: Entry<T>[] = [];
  if (!existsSync(base)) return { entries, assets: new Map() };
  const shape = FOLDERS[kind];
  const listing = listPages(read.realRoot, base, shape.nested, shape.page);
  const names = [...listing.pages, ...read.overridden(base).map((file) => path.basename(file))].sort();
  const ids: Map<string, { id: string; problem?: IdProblem }> =
    kind === 'handbook' ? handbookIds(names) : new Map(names.map((name) => [name, { id: name.replace(shape.page, '') }]));
  for (const { name, why } of listing.odd) {
    const file: ContentFile = { source: { ...read.page(base, name, kind, name.replace(shape.page, '')), text: '' }, blockOffset: 0 };
    files.push(file);
    findings.push({ rule: FRONTMATTER, file, message: `${folder}/${name} ${why.problem}.`, hint: why.hint });
  }
  const firstWithId = new Map<string, string>();
  for (const name of names) {
    const { id, problem } = ids.get(name)!;
    // Handbook pages in subfolders have "/" in their names, which path.join turns into the platform's separator.
    const source = name.includes('/') ? read(path.join(base, name), kind, id) : read.page(base, name, kind, id);
    pageFiles.set(`${folder}/${name}`, { collection: folder, id, file: `${folder}/${name}` });
    if (source.unreadable) {
      const file: ContentFile = { source, blockOffset: 0 };
      files.push(file);
      findings.push({ rule: FRONTMATTER, file, message: `${folder}/${name} ${source.unreadable.problem}.`, hint: source.unreadable.hint });
      continue;
    }
    const file = splitFile(source, findings, shape.frontmatterOptional);
    files.push(file);
    if (!file.yaml && !file.body) continue;
    let usable = true;
    if (problem) {
      usable = false;
      findings.push({ rule: FRONTMATTER, file, at: { path: [] }, ...problem });
    } else if (kind !== 'handbook' && !isFileId(id)) {
      usable = false;
      findings.push({
        rule: FRONTMATTER,
        file,
        at: { path: [] },
        message: `The file name "${name}" is not a valid id.`,
        hint: `Rename the file to at most ${MAX_FILE_ID_LENGTH} lowercase letters, digits and "-", e.g. conversation-snoozing.mdx: the file name is the id.`,
      });
    } else {
      const first = firstWithId.get(id);
      if (first !== undefined) {
        usable = false;
        findings.push({
          rule: FRONTMATTER,
          file,
          at: { path: [] },
          message: `${folder}/${name} and ${folder}/${first} have the same page id "${id}", so they would be one page.`,
          hint: kind === 'handbook'
            ? 'Rename one of them: a page id is its path with each part lowercased, spaces and "_" as "-", and other punctuation dropped.'
            : 'Keep one of them: x.md and x.mdx are the same article.',
        });
      } else firstWithId.set(id, name);
    }
    const prepare = kind === 'handbook' ? (data: unknown) => handbookDefaults(data, file, name, extraKeys) : undefined;
    // A badly named file still gets every other frontmatter finding, but is no entry: its id is unusable.
    const data = parseAndCheck(file, schema, findings, prepare);
    if (data !== undefined && usable) entries.push({ id, file, data });
  }
  return { entries, assets: new Map(listing.assets.map((name) => [`${folder}/${name}`, assetKind(path.join(base, name))])) };
}

type IdProblem = Pick<Finding, 'message' | 'hint'>;

/**
 * Handbook page ids from their paths below handbook/, by the content
 * contract's rule: each part as github-slugger makes a heading's id
 * (lowercased, spaces as "-", punctuation dropped), then "_" as "-". A
 * folder's `index.md`/`index.mdx` is the folder's page (`people/index`);
 * without one, its `README.md` is (GitHub's habit); with both, the README is
 * an ordinary page.
 */
export function handbookIds(names: readonly string[]): Map<string, { id: string; problem?: IdProblem }> {
  const withIndex = new Set(names.filter((name) => /^index\.mdx?$/i.test(path.posix.basename(name))).map((name) => path.posix.dirname(name)));
  const ids = new Map<string, { id: string; problem?: IdProblem }>();
  for (const name of names) {
    const parts = name.split('/');
    const stem = parts.pop()!.replace(MARKDOWN_OR_MDX_PAGE, '');
    const folder = path.posix.dirname(name);
    const isFolderPage = /^index$/i.test(stem) || (/^readme$/i.test(stem) && !withIndex.has(folder));
    const slugs = [...parts.map(slugOfPart), isFolderPage ? 'index' : slugOfPart(stem)];
    const id = slugs.join('/');
    const bad = slugs.findIndex((slug) => slug === '' || slug.length > MAX_FILE_ID_LENGTH);
    if (bad < 0) ids.set(name, { id });
    else {
      const part = bad < parts.length ? parts[bad]! : stem;
      ids.set(name, {
        id,
        problem: {
          message: `"${part}" in handbook/${name} gives no usable page id (${slugs[bad] === '' ? 'it has no letters or digits' : `over ${MAX_FILE_ID_LENGTH} characters`}).`,
          hint: 'Rename it to a name with letters or digits; the page id is made from the path.',
        },
      });
    }
  }
  return ids;
}

const slugger = new GithubSlugger();

/** One path part as a page id part: github-slugger's heading id, with "_" as "-". */
function slugOfPart(part: string): string {
  slugger.reset();
  return slugger.slug(part).replace(/_/g, '-');
}

/**
 * A handbook page's frontmatter before its schema: the declared extra keys
 * dropped, and a title when it has none (its first `# ` heading, else its
 * file name).
 */
function handbookDefaults(data: unknown, file: ContentFile, name: string, extraKeys: readonly string[]): unknown {
  const object = data === null || data === undefined ? {} : data;
  if (typeof object !== 'object' || Array.isArray(object)) return data;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (!extraKeys.includes(key)) kept[key] = value;
  if (kept.title === undefined) {
    const heading = file.body ? firstHeading(file.body.text) : undefined;
    if (heading) file.titleFromHeading = true;
    kept.title = heading ?? titleFromName(name);
  }
  return kept;
}

/**
 * The text of the body's first level-1 heading (`# Title`, or `Title` over
 * `===`), outside fenced code, with inline Markdown reduced to its text.
 * One pass over the lines; undefined when there is none.
 */
export function firstHeading(body: string): string | undefined {
  let fence: string | undefined;
  let previous = '';
  for (let start = 0; start <= body.length; ) {
    const newline = body.indexOf('\n', start);
    const end = newline < 0 ? body.length : newline;
    const line = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1]!;
    } else {
      const atx = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
      const setext = /^ {0,3}=+[ \t]*$/.test(line) && /^ {0,3}[^\s>#*+\-|]/.test(previous) ? previous : undefined;
      const text = plainText(atx ? (atx[1] ?? '') : (setext ?? ''));
      if (text) return text;
    }
    previous = fence === undefined ? line : '';
    if (newline < 0) break;
  }
  return undefined;
}

/** A heading's inline Markdown as the text a reader sees: links and emphasis unwrapped, images and tags dropped. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/(\*\*|__|\*|`+)/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "code_of_conduct.md" -> "Code of conduct"; a folder page is named after its folder ("Home" at the top). */
function titleFromName(name: string): string {
  const parts = name.split('/');
  let stem = parts.pop()!.replace(MARKDOWN_OR_MDX_PAGE, '');
  if (/^(?:index|readme)$/i.test(stem)) stem = parts.pop() ?? 'Home';
  const words = stem.replace(/[-_]+/g, ' ').trim() || stem;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** content/suppressions.json, read as any content file is (a plain file inside the root, bounded). */
function readSuppressions(root: string, read: Reader, files: readonly ContentFile[]): LoadedSuppressions {
  const absolute = path.join(root, SUPPRESSIONS_FILE);
  const present = new Set(files.map((file) => path.relative(root, file.source.path).split(path.sep).join('/')));
  const loaded: LoadedSuppressions = { root, suppressions: [], files: present };
  let entry: Stats;
  try {
    entry = lstatSync(absolute);
  } catch {
    return loaded;
  }
  const shown = read.displayPath(absolute);
  const linkWhy = entry.isSymbolicLink() ? linkProblem(read.realRoot, absolute) : undefined;
  if (linkWhy) return { ...loaded, problem: `${shown} ${linkWhy.problem}` };
  const text = readContentFile(absolute);
  if ('why' in text) return { ...loaded, problem: `${shown} ${text.why.problem}` };
  const parsed = parseSuppressions(text.text);
  if (!parsed.ok) return { ...loaded, problem: `${shown} ${parsed.reason}; nothing was changed (fix the file, or delete it and run validate --suppress-all)` };
  return { ...loaded, suppressions: parsed.suppressions };
}

function splitFile(source: SourceFile, findings: Finding[], optional = false): ContentFile {
  const split = splitFrontmatter(source.text);
  if (!split.ok && split.problem === 'missing' && optional) {
    // A page without frontmatter is all body (after a byte-order mark).
    return { source, blockOffset: split.offset, body: { text: source.text.slice(split.offset), offset: split.offset } };
  }
  if (split.ok) {
    return {
      source,
      blockOffset: split.fenceOffset,
      yaml: { text: split.yaml, offset: split.yamlOffset },
      body: { text: split.body, offset: split.bodyOffset },
    };
  }
  const file: ContentFile = { source, blockOffset: split.offset };
  const problems = {
    missing: {
      message: 'The file has no frontmatter.',
      hint: 'Start the file with a "---" line, the YAML keys, and another "---" line.',
    },
    unclosed: {
      message: 'The frontmatter is never closed.',
      hint: 'End the frontmatter with a line that holds only "---".',
    },
    executable: {
      message: `Executable front matter ("---${split.language}") is not allowed: frontmatter is data and is never run.`,
      hint: 'Replace the opening line with "---" and write the frontmatter as YAML keys.',
    },
    tagged: {
      message: `The opening line "---${split.language}" names a language, which the site does not read: it would take "${split.language}" as part of the data.`,
      hint: 'Make the opening line a plain "---".',
    },
    dots: {
      message: 'The frontmatter ends with "...", which the site does not read as its end.',
      hint: 'End the frontmatter with a line that holds only "---".',
    },
    closing: {
      message: 'This line starts with "---" or "+++", so the site ends the frontmatter here, but it is not a plain "---" line.',
      hint: 'End the frontmatter with a line that holds only "---"; if this line is part of a value, indent it or put the value in quotes.',
    },
  } as const;
  findings.push({ rule: FRONTMATTER, file, at: { offset: split.offset }, ...problems[split.problem] });
  return file;
}

/** Parses the file's YAML fast; on a syntax error, re-parses with positions for exact messages. */
function parseAndCheck<T>(file: ContentFile, schema: z.ZodType<T>, findings: Finding[], prepare?: (data: unknown) => unknown): T | undefined {
  const yaml = file.yaml;
  let data: unknown = null;
  // An empty block (or only comments) is empty frontmatter, which the schema explains; js-yaml would throw.
  if (yaml && !EMPTY_YAML.test(yaml.text)) {
    try {
      data = readYaml(yaml.text);
    } catch (error) {
      reportSyntaxErrors(file, findings, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }
  if (prepare) data = prepare(data);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const problem of explainIssues(result.error.issues, data, schema)) {
    findings.push({ rule: FRONTMATTER, file, at: { path: problem.path, anchor: problem.anchor }, message: problem.message, hint: problem.hint });
  }
  return undefined;
}

const EMPTY_YAML = /^(?:[ \t]*(?:#.*)?(?:\r?\n|$))*$/;
