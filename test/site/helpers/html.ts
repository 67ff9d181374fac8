import { readFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * A built page, parsed with htmlparser2, with the few queries the tests need
 * (css-select, the selector engine behind cheerio). Script and style
 * elements are dropped so that text assertions see only what a reader sees.
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
  const root = parseDocument(html);
  for (const node of selectAll('script, style', root)) removeElement(node);
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
