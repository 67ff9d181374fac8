import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { ContentFile } from '../../engine/model.ts';
import { onContentChange, siteLoad, type SiteLoad } from './site-load.ts';

/** An entry a collection shows: what the engine read and validated. */
export interface EngineEntry {
  id: string;
  file: ContentFile;
  data: unknown;
}

/**
 * An Astro content loader fed by the engine's one load of the content root,
 * instead of a glob that would read and parse the files again with its own
 * YAML reading. Bodies are compiled by Astro's MDX pipeline as usual
 * (`deferredRender` with the file's path); the data is the engine's.
 */
export function engineCollection(entriesOf: (site: SiteLoad) => readonly EngineEntry[]): Loader {
  return {
    name: 'shiplog-engine',
    async load({ collection, store, parseData, generateDigest, config, watcher }) {
      const projectRoot = fileURLToPath(config.root);
      const sync = async () => {
        const site = siteLoad();
        store.clear();
        for (const entry of entriesOf(site)) {
          const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown> });
          store.set({
            id: entry.id,
            data,
            ...(entry.file.body ? { body: entry.file.body.text } : {}),
            // Relative to the project root, as Astro's own glob loader records it (rendering imports the file by it).
            filePath: path.relative(projectRoot, entry.file.source.path).split(path.sep).join('/'),
            digest: generateDigest(entry.file.source.text),
            deferredRender: true,
          });
        }
      };
      await sync();
      // The dev server: the integration's watcher reports changes to the content root (site-load.ts).
      if (watcher) onContentChange(`collection:${collection}`, sync);
    },
  };
}
