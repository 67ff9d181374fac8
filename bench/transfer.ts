/**
 * What opening one page of a built site transfers: the HTML plus every CSS
 * and JS file the browser fetches before the page is usable, each gzipped
 * (level 6, a common server default). Counted: `<link rel="stylesheet">`,
 * `<link rel="modulepreload">`, `<script src>`, and the JS modules those
 * scripts (and inline module scripts) import statically, followed
 * transitively. Not counted: anything under pagefind/ and modules reached
 * only through `import()`, which the search loads when it is opened; images,
 * fonts and icons (the brief counts HTML, CSS and JS).
 *
 * Static imports are found with TypeScript's parser (a declared dependency)
 * rather than a regular expression over minified output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import ts from 'typescript';

export interface PageTransfer {
  page: string;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  jsGzipBytes: number;
  totalGzipBytes: number;
  files: string[];
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

/** Module specifiers of a script's top-level `import` and `export ... from` statements. */
function staticImports(source: string): string[] {
  const file = ts.createSourceFile('module.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

export class TransferMeter {
  readonly #siteDir: string;
  readonly #gzip = new Map<string, number>();
  readonly #imports = new Map<string, string[]>();

  constructor(siteDir: string) {
    this.#siteDir = siteDir;
  }

  /** The file a root-relative or relative URL names, or undefined for other sites and search files. */
  #fileOf(url: string, from: string): string | undefined {
    if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
    const clean = url.split(/[?#]/)[0]!;
    const file = clean.startsWith('/') ? path.join(this.#siteDir, clean) : path.resolve(path.dirname(from), clean);
    const relative = path.relative(this.#siteDir, file).split(path.sep).join('/');
    if (relative.startsWith('pagefind/')) return undefined;
    if (!existsSync(file)) throw new Error(`${path.relative(this.#siteDir, from)} references ${url}, which is not in the built site`);
    return file;
  }

  #gzipOf(file: string): number {
    let size = this.#gzip.get(file);
    if (size === undefined) {
      size = gzipSize(readFileSync(file));
      this.#gzip.set(file, size);
    }
    return size;
  }

  #importsOf(file: string): string[] {
    let found = this.#imports.get(file);
    if (!found) {
      found = staticImports(readFileSync(file, 'utf8')).flatMap((specifier) => this.#fileOf(specifier, file) ?? []);
      this.#imports.set(file, found);
    }
    return found;
  }

  measure(htmlFile: string): PageTransfer {
    const html = readFileSync(htmlFile);
    const css = new Set<string>();
    const js = new Set<string>();
    const addModule = (file: string) => {
      if (js.has(file)) return;
      js.add(file);
      for (const imported of this.#importsOf(file)) addModule(imported);
    };
    const inlineModules: string[] = [];
    let inlineModule: string[] | undefined;
    const parser = new Parser({
      onopentag: (name, attributes) => {
        const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        if (name === 'link' && attributes.href && rel.includes('stylesheet')) {
          const file = this.#fileOf(attributes.href, htmlFile);
          if (file) css.add(file);
        } else if (name === 'link' && attributes.href && rel.includes('modulepreload')) {
          const file = this.#fileOf(attributes.href, htmlFile);
          if (file) addModule(file);
        } else if (name === 'script' && attributes.src) {
          const file = this.#fileOf(attributes.src, htmlFile);
          if (file) addModule(file);
        } else if (name === 'script' && attributes.type === 'module') {
          inlineModule = [];
        }
      },
      ontext: (text) => inlineModule?.push(text),
      onclosetag: (name) => {
        if (name === 'script' && inlineModule) inlineModules.push(inlineModule.join(''));
        inlineModule = undefined;
      },
    });
    parser.end(html.toString('utf8'));
    for (const source of inlineModules) for (const specifier of staticImports(source)) {
      const file = this.#fileOf(specifier, htmlFile);
      if (file) addModule(file);
    }
    const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + this.#gzipOf(file), 0);
    const htmlGzipBytes = gzipSize(html);
    const cssGzipBytes = sum(css);
    const jsGzipBytes = sum(js);
    return {
      page: path.relative(this.#siteDir, htmlFile).split(path.sep).join('/'),
      htmlGzipBytes,
      cssGzipBytes,
      jsGzipBytes,
      totalGzipBytes: htmlGzipBytes + cssGzipBytes + jsGzipBytes,
      files: [...css, ...js].map((file) => path.relative(this.#siteDir, file).split(path.sep).join('/')),
    };
  }
}
