import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What loading a built page transfers, gzipped: the HTML, its stylesheets,
 * its module scripts and everything those import statically. Dynamic
 * `import()` is loaded on demand (Starlight's search UI, Pagefind's index)
 * and is not counted.
 */
export interface Transfer {
  html: number;
  css: number;
  js: number;
  total: number;
  files: string[];
}

const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g;
const SCRIPT = /<script\b[^>]*\bsrc="([^"]+)"/g;
// `import x from "./a.js"`, `import"./a.js"`, `export * from "./a.js"`; not `import("./a.js")`.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

export function pageTransfer(siteDir: string, route: string): Transfer {
  const htmlFile = path.join(siteDir, route, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const gz = (file: string) => gzipSync(readFileSync(file)).length;
  const local = (url: string, from: string) => (url.startsWith('/') ? path.join(siteDir, url) : path.resolve(path.dirname(from), url));

  const css = [...html.matchAll(STYLESHEET)].map((m) => local(m[1]!, htmlFile));
  const js = new Set<string>();
  const visit = (file: string) => {
    if (js.has(file)) return;
    js.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(local(m[1]!, file));
  };
  for (const m of html.matchAll(SCRIPT)) visit(local(m[1]!, htmlFile));

  const sizes = { html: gzipSync(html).length, css: css.reduce((n, f) => n + gz(f), 0), js: [...js].reduce((n, f) => n + gz(f), 0) };
  return { ...sizes, total: sizes.html + sizes.css + sizes.js, files: [htmlFile, ...css, ...js].map((f) => path.relative(siteDir, f)) };
}
