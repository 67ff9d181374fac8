import { readFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll, selectOne } from 'css-select';
import { Document, Element, Text, type AnyNode, type ChildNode } from 'domhandler';
import { textContent } from 'domutils';
import { decodeHTML } from 'entities';
import { ELEMENT_NODE, parse, TEXT_NODE, type Node as UltraNode } from 'ultrahtml';

/**
 * A built page, parsed, with the few queries the tests need. ultrahtml (what
 * Astro itself uses) parses; its tree is turned into domhandler nodes so that
 * css-select, the selector engine behind cheerio, answers the queries.
 */
export interface Page {
  route: string;
  html: string;
  all(selector: string, within?: AnyNode): Element[];
  one(selector: string, within?: AnyNode): Element;
  maybe(selector: string, within?: AnyNode): Element | undefined;
  text(selectorOrNode: string | AnyNode): string;
  attr(node: Element, name: string): string | undefined;
}

/** `/features/x/` → `<site>/features/x/index.html`. */
export function readPage(siteDir: string, route: string): Page {
  const file = path.join(siteDir, route.replace(/^\//, ''), route.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(file, 'utf8');
  const root = new Document(convert(parse(html).children ?? []));
  for (const child of root.children) child.parent = root;
  const page: Page = {
    route,
    html,
    all: (selector, within = root) => selectAll<AnyNode, Element>(selector, within),
    maybe: (selector, within = root) => selectOne<AnyNode, Element>(selector, within) ?? undefined,
    one: (selector, within = root) => {
      const found = selectOne<AnyNode, Element>(selector, within);
      if (!found) throw new Error(`${route}: nothing matches ${selector}`);
      return found;
    },
    text: (target) => textContent(typeof target === 'string' ? page.one(target) : target).replace(/\s+/g, ' ').trim(),
    attr: (node, name) => node.attribs[name],
  };
  return page;
}

function convert(nodes: UltraNode[]): ChildNode[] {
  return nodes.flatMap((node): ChildNode[] => {
    if (node.type === TEXT_NODE) return [new Text(decodeHTML(node.value))];
    if (node.type !== ELEMENT_NODE || node.name === 'script' || node.name === 'style') return [];
    const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, decodeHTML(String(v))]));
    const element = new Element(node.name, attributes, convert(node.children ?? []));
    for (const child of element.children) child.parent = element;
    return [element];
  });
}
