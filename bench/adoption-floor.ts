/**
 * The floor the `adoption` bench compares `validate` with: the least work
 * any checker of an adopted handbook must do. Read every page file of the
 * content root (handbook and docs `.md`/`.mdx`, features `.mdx`) and build
 * its body's tree with the parser the sites use (satteri: Markdown for `.md`,
 * MDX for `.mdx`), since links and headings can only be known from the tree.
 * No frontmatter schema, no link resolution, no rules, no reporting.
 *
 * Written out here rather than imported from src/engine, so that optimising
 * the real loader cannot move the yardstick.
 *
 * Usage: node bench/adoption-floor.ts CONTENT_ROOT
 * Prints one JSON line: {"files": N, "nodes": N}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';

const root = process.argv[2];
if (!root) {
  process.stderr.write('Usage: node bench/adoption-floor.ts CONTENT_ROOT\n');
  process.exit(2);
}

let files = 0;
let nodes = 0;
for (const folder of ['handbook', 'docs', 'features']) {
  const base = path.join(root, folder);
  for (const name of readdirSync(base, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(name) || (folder === 'features' && name.endsWith('.md'))) continue;
    const text = readFileSync(path.join(base, name), 'utf8');
    // Frontmatter, when there is any, is not Markdown.
    const end = text.startsWith('---\n') ? text.indexOf('\n---', 3) : -1;
    const body = end < 0 ? text : text.slice(text.indexOf('\n', end + 1) + 1);
    const tree = (name.endsWith('.md') ? markdownToMdast(body) : mdxToMdast(body)) as { children: unknown[] };
    nodes += tree.children.length;
    files++;
  }
}
process.stdout.write(`${JSON.stringify({ files, nodes })}\n`);
