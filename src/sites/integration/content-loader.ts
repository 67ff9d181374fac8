import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { Loader } from 'astro/loaders';
import type { ContentFile } from '../../engine/model.ts';
import { bodyFormat } from '../../engine/source.ts';
import { readsAsMarkdown } from '../../engine/mdx-body.ts';
import { siteLoad, type SiteLoad } from './site-load.ts';

/** An entry a collection shows: what the engine read and validated. */
export interface EngineEntry {
  id: string;
  file: ContentFile;
  data: unknown;
}

/** Renders a Markdown body to HTML, as Astro's content layer stores it (`rendered`). */
type MarkdownRender = (body: string, file: ContentFile, data: Record<string, unknown>) => Promise<{ html: string; metadata: Record<string, unknown> & { imagePaths: string[] } }>;

/**
 * The site's own Markdown processor (its `markdown.processor`, with the
 * site's plugins), set up once per sync: what Astro's glob loader uses for
 * `.md` entries (vite-plugin-markdown/content-entry-type.js).
 */
async function markdownRenderer(config: AstroConfig): Promise<MarkdownRender> {
  const { markdown, image } = config;
  // The options exactly as Astro passes them; its resolved config's types are wider than the renderer's declared ones.
  const options = { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
  const processor = await markdown.processor.createRenderer(options as unknown as Parameters<typeof markdown.processor.createRenderer>[0]);
  return async (body, file, data) => {
    const result = await processor.render(body, { frontmatter: data, fileURL: pathToFileURL(file.source.path) });
    const { localImagePaths = [], remoteImagePaths = [] } = result.metadata;
    return { html: result.code, metadata: { ...result.metadata, imagePaths: [...localImagePaths, ...remoteImagePaths] } };
  };
}

/** The loader's name: the dev server asks Astro to run these loaders again after a save (integration/index.ts). */
export const ENGINE_LOADER = 'shiplog-engine';

// Counted through globalThis: the content config (with this loader) runs in Vite's module runner, the integration in Node itself.
const RUNS = Symbol.for('shiplog.engine-loader-runs');
type Counted = typeof globalThis & { [RUNS]?: number };

/** How many times an engine collection has been filled in this process: the dev server checks that a refresh ran. */
export function engineLoaderRuns(): number {
  return (globalThis as Counted)[RUNS] ?? 0;
}

/**
 * An Astro content loader fed by the engine's one load of the content root,
 * instead of a glob that would read and parse the files again with its own
 * YAML reading; the data is the engine's.
 *
 * Bodies are rendered as Astro's own glob loader renders `.md` ones: here,
 * once, to HTML kept in the content store. So are `.mdx` bodies that read
 * exactly as Markdown (`readsAsMarkdown`: no `{`, `<`, import or export, no
 * indented code), which most feature pages are: compiling each of them to a
 * module of the build (two Rolldown chunks, a dynamic import and a render
 * per page) was most of the difference with bare Starlight's CPU in the
 * bench, for HTML that comes out the same. The other `.mdx` bodies may hold
 * code and are compiled by Astro's MDX pipeline (`deferredRender` with the
 * file's path). The same keeps a 900-page Markdown handbook's build near
 * Starlight's (the bench's adoption section).
 *
 * `storeData: false` keeps the entries' data out of the store, for
 * collections whose pages read it from siteData() instead: the store is
 * bundled into the build and parsed again when it renders.
 */
export function engineCollection(entriesOf: (site: SiteLoad) => readonly EngineEntry[], { storeData = true } = {}): Loader {
  return {
    name: ENGINE_LOADER,
    async load({ store, parseData, generateDigest, config }) {
      const projectRoot = fileURLToPath(config.root);
      let render: MarkdownRender | undefined;
      // Runs at every sync of the content layer: the build's one, and in the dev server after each save
      // under the content root (the integration asks for it once the changed content is loaded again).
      const site = siteLoad();
      store.clear();
      for (const entry of entriesOf(site)) {
        const data = storeData ? await parseData({ id: entry.id, data: entry.data as Record<string, unknown> }) : {};
        const common = {
          id: entry.id,
          data,
          // No `body`: no page reads it, and the store is bundled into the build (a few MB per 1,000 features).
          // Relative to the project root, as Astro's own glob loader records it (rendering imports the file by it).
          filePath: path.relative(projectRoot, entry.file.source.path).split(path.sep).join('/'),
          digest: generateDigest(entry.file.source.text),
        };
        const body = entry.file.body?.text ?? '';
        if (bodyFormat(entry.file.source) === 'md' || readsAsMarkdown(body)) {
          render ??= await markdownRenderer(config);
          const rendered = await render(body, entry.file, storeData ? data : (entry.data as Record<string, unknown>));
          store.set({ ...common, rendered, assetImports: rendered.metadata.imagePaths });
        } else {
          store.set({ ...common, deferredRender: true });
        }
      }
      (globalThis as Counted)[RUNS] = engineLoaderRuns() + 1;
    },
  };
}
