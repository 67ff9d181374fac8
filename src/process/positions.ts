import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/**
 * Finding where a value sits in YAML source. This is the slow, position-keeping
 * parse (the `yaml` package's documents); the loader only pays for it on files
 * that have something to report.
 */

export type YamlPath = readonly (string | number)[];

/** Where to point for a path: the key naming it, or the value itself. */
export type Anchor = 'key' | 'value';

export interface YamlPositions {
  /** Offset (into the YAML text) of the node at `path`, or of its nearest existing ancestor. */
  offsetOf(path: YamlPath, anchor?: Anchor): { offset: number; exact: boolean };
  document: Document.Parsed;
}

export function parseWithPositions(yaml: string): YamlPositions {
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  return {
    document,
    offsetOf(path, anchor = 'key') {
      let node: unknown = document.contents;
      // The opening `---` line: the block's parent.
      let best = { offset: -1, exact: path.length === 0 };
      for (let depth = 0; depth < path.length; depth++) {
        const segment = path[depth];
        const last = depth === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
          if (!pair) return best;
          const key = pair.key as Node;
          const value = pair.value as Node | null;
          const useValue = last && anchor === 'value' && value?.range;
          const offset = useValue ? value.range![0] : (key.range?.[0] ?? best.offset);
          best = { offset, exact: last };
          node = value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as Node | undefined;
          if (!item?.range) return best;
          best = { offset: item.range[0], exact: last };
          node = item;
        } else {
          return best;
        }
      }
      return best;
    },
  };
}
