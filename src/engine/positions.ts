import { createRequire } from 'node:module';
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml';
import type { Event as YamlEvent, ScalarEvent } from 'js-yaml';
import type { Document, Node } from 'yaml';

/**
 * Finding where a value sits in YAML source, only ever for files that have
 * something to report.
 *
 * The reference is the `yaml` package's documents (`parseWithPositions`):
 * every offset reported is the start of a node's range there. Building those
 * documents is several times slower than js-yaml, so `locateInYaml` first
 * answers from js-yaml's event stream, which carries source offsets, and
 * only builds the `yaml` document when the events leave any doubt about what
 * the reference would say (block scalars, anchors and tags on collections,
 * aliases, empty values, keys that YAML would resolve to something other
 * than their text). Both give the same answer wherever the fast one answers.
 */

export type YamlPath = readonly (string | number)[];

/** Where to point for a path: the key naming it, or the value itself. */
export type Anchor = 'key' | 'value';

export interface YamlPositions {
  /** Offset (into the YAML text) of the node at `path`, or of its nearest existing ancestor. */
  offsetOf(path: YamlPath, anchor?: Anchor): { offset: number; exact: boolean };
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/** Loaded on first use: most runs never need it, and it is not free to load. */
function yamlPackage(): YamlModule {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);
}

function parseDocument(yaml: string): Document.Parsed {
  return yamlPackage().parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
}

/** The `yaml` package's errors for text that did not parse: codes and offsets for exact messages. */
export function yamlSyntaxErrors(yaml: string): Document.Parsed['errors'] {
  return parseDocument(yaml).errors;
}

/** The reference: positions from the `yaml` package's document. */
export function parseWithPositions(yaml: string): YamlPositions & { document: Document.Parsed } {
  const document = parseDocument(yaml);
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  // Each map's keys are indexed once, on its first lookup: a file with many findings
  // in a large map (thousands of unknown keys) would otherwise scan the map per finding.
  const keyIndex = new WeakMap<object, Map<string, unknown>>();
  const pairNamed = (map: { items: unknown[] }, key: string) => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key)) {
          const name = String(item.key.value);
          if (!index.has(name)) index.set(name, item);
        }
      }
      keyIndex.set(map, index);
    }
    return index.get(key);
  };
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
          const pair = pairNamed(node, String(segment));
          if (!isPair(pair)) return best;
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

/** Positions for a file with findings: js-yaml's events where they are certain, the reference otherwise. */
export function locateInYaml(yaml: string): YamlPositions {
  const fast = fastPositions(yaml);
  let reference: YamlPositions | undefined;
  return {
    offsetOf(path, anchor = 'key') {
      return fast.offsetOf(path, anchor) ?? (reference ??= parseWithPositions(yaml)).offsetOf(path, anchor);
    },
  };
}

/** The reference's answer computed from js-yaml's events, or undefined where the events leave doubt. */
export function fastPositions(yaml: string): { offsetOf(path: YamlPath, anchor?: Anchor): { offset: number; exact: boolean } | undefined } {
  let root: FastNode | undefined | null = null;
  return {
    offsetOf(path, anchor = 'key') {
      if (root === null) root = eventTree(yaml);
      return root === undefined ? undefined : fastOffsetOf(root, yaml, path, anchor);
    },
  };
}

type FastNode =
  | { kind: 'scalar'; event: ScalarEvent }
  | { kind: 'alias' }
  | {
      kind: 'collection';
      event: { start: number; anchorStart: number; tagStart: number };
      map: boolean;
      children: FastNode[];
      /** A map's key texts -> child index of the key, built on first lookup; null when a key's text is uncertain. */
      keys?: Map<string, number> | null;
    };

/** The single document's content as a tree of events; undefined when the events are not one plain document. */
function eventTree(yaml: string): FastNode | undefined {
  let events: YamlEvent[];
  try {
    events = parseEvents(yaml, {});
  } catch {
    return undefined;
  }
  const stack: Extract<FastNode, { kind: 'collection' }>[] = [];
  let documents = 0;
  let content: FastNode | undefined;
  const add = (node: FastNode) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (content === undefined) content = node;
    else documents = Infinity;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        // A %YAML directive can change how the reference resolves keys.
        if (event.directives.length > 0) return undefined;
        documents++;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: FastNode = { kind: 'collection', event, map: event.type === EVENT_ID.MAPPING, children: [] };
        add(node);
        stack.push(node);
        break;
      }
      case EVENT_ID.SCALAR:
        add({ kind: 'scalar', event });
        break;
      case EVENT_ID.ALIAS:
        add({ kind: 'alias' });
        break;
      case EVENT_ID.POP:
        // Pops close collections and the document; only collections are on the stack.
        stack.pop();
        break;
    }
  }
  // An empty block is "no content" to both parsers: the reference answers that in no time.
  return documents === 1 && content ? content : undefined;
}

/** Where the reference's range for this node starts, or undefined when the events cannot say for sure. */
function startOf(node: FastNode, yaml: string): number | undefined {
  if (node.kind === 'alias') return undefined;
  if (node.kind === 'collection') return node.event.anchorStart < 0 && node.event.tagStart < 0 ? node.event.start : undefined;
  const { valueStart, style } = node.event;
  if (valueStart < 0) return undefined;
  if (style === SCALAR_STYLE.PLAIN) return valueStart;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
    // The reference's range includes the opening quote.
    const quote = yaml.charCodeAt(valueStart - 1);
    return quote === 0x22 || quote === 0x27 ? valueStart - 1 : undefined;
  }
  return undefined;
}

/** Plain keys that YAML's core schema reads as the same string as their text. */
const PLAIN_STRING_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const CORE_SCHEMA_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/** The string the reference compares a key with, or undefined if only resolving it would tell. */
function keyText(node: FastNode, yaml: string): string | undefined {
  if (node.kind !== 'scalar' || node.event.valueStart < 0 || node.event.tagStart >= 0) return undefined;
  const { style } = node.event;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) return getScalarValue(yaml, node.event);
  if (style !== SCALAR_STYLE.PLAIN) return undefined;
  const text = yaml.slice(node.event.valueStart, node.event.valueEnd);
  return PLAIN_STRING_KEY.test(text) && !CORE_SCHEMA_WORDS.has(text) ? text : undefined;
}

/** A map's keys by text (the first of duplicates, as the reference finds them), or null when any key's text is uncertain. */
function mapKeys(node: Extract<FastNode, { kind: 'collection' }>, yaml: string): Map<string, number> | null {
  if (node.keys !== undefined) return node.keys;
  const keys = new Map<string, number>();
  for (let i = 0; i < node.children.length; i += 2) {
    const key = keyText(node.children[i]!, yaml);
    if (key === undefined) return (node.keys = null);
    if (!keys.has(key)) keys.set(key, i);
  }
  return (node.keys = keys);
}

/** `parseWithPositions(...).offsetOf`, step for step, from the event tree; undefined where unsure. */
function fastOffsetOf(root: FastNode, yaml: string, path: YamlPath, anchor: Anchor): { offset: number; exact: boolean } | undefined {
  let node: FastNode = root;
  let best = { offset: -1, exact: path.length === 0 };
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const last = depth === path.length - 1;
    if (node.kind === 'alias') return undefined;
    if (node.kind !== 'collection') return best;
    if (node.map) {
      const keys = mapKeys(node, yaml);
      if (keys === null) return undefined;
      const match = keys.get(String(segment)) ?? -1;
      if (match < 0) return best;
      const key = node.children[match]!;
      const value = node.children[match + 1];
      if (!value) return undefined;
      const offset = startOf(last && anchor === 'value' ? value : key, yaml);
      if (offset === undefined) return undefined;
      best = { offset, exact: last };
      node = value;
    } else if (typeof segment === 'number') {
      const item = node.children[segment];
      if (!item) return best;
      const offset = startOf(item, yaml);
      if (offset === undefined) return undefined;
      best = { offset, exact: last };
      node = item;
    } else {
      return best;
    }
  }
  return best;
}
