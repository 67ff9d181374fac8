import { fileURLToPath } from 'node:url';
import type { RunnableDevEnvironment, ViteDevServer } from 'vite';

/** The module Astro's `render()` imports to find an `.mdx` entry's compiled module (`astro/dist/content/consts.js`). */
const CONTENT_MODULE_IMPORTS = 'astro:content-module-imports';

/**
 * Makes the dev server read Astro's map of content modules again.
 *
 * When an `.mdx` entry comes back into a collection (a feature page that
 * failed validation is fixed), its page renders only once the map lists it.
 * Astro rewrites the map (`.astro/content-modules.mjs`) when its content
 * layer syncs, but invalidates only the data store and the asset imports
 * after a write; the map is left to the file watcher, and when the map was
 * first read before the file existed it is a virtual module no watcher
 * knows. Either way a page could keep failing with "Unexpected error while
 * rendering" after the fix. This drops both forms of the module from every
 * environment's graph and module runner, the way Astro drops the asset
 * imports (`vite-plugin-content-virtual-mod.js`).
 */
export function invalidateContentModules(server: ViteDevServer, projectRoot: URL): void {
  const file = fileURLToPath(new URL('.astro/content-modules.mjs', projectRoot));
  const virtualId = `\0${CONTENT_MODULE_IMPORTS}`;
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    const graph = environment.moduleGraph;
    const modules = [...(graph.getModulesByFile(file) ?? []), graph.getModuleById(virtualId)];
    for (const module of modules) if (module) graph.invalidateModule(module, undefined, timestamp, true);
    // Type-only import: vite is Astro's dependency, not ours, so its runtime helpers are not imported here.
    const runner = 'runner' in environment ? (environment as RunnableDevEnvironment).runner : undefined;
    if (runner) {
      const evaluated = runner.evaluatedModules;
      const evaluatedModules = [...(evaluated.getModulesByFile(file) ?? []), evaluated.getModuleById(virtualId)];
      for (const module of evaluatedModules) if (module) evaluated.invalidateModule(module);
    }
  }
}
