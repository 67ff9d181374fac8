import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type Plugin, type RunnableDevEnvironment, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateContentModules } from '../../src/sites/integration/content-modules.ts';

/**
 * A real Vite dev server with no file watcher, so only invalidateContentModules
 * can make it read Astro's module map again. The map is reached both ways Astro
 * resolves it: as the `.astro/content-modules.mjs` file, and as a virtual
 * module that reads the file (Astro's choice when the file did not exist yet).
 */
let root: string;
let server: ViteDevServer;
const mapFile = () => path.join(root, '.astro/content-modules.mjs');
const writeMap = (ids: string[]) => writeFileSync(mapFile(), `export default new Map(${JSON.stringify(ids.map((id) => [id, id]))});\n`);

/** Astro's resolution of `astro:content-module-imports`, reduced to its two outcomes. */
const moduleMap = (): Plugin => ({
  name: 'test-content-module-imports',
  resolveId: (id) => (id === 'astro:content-module-imports' ? '\0astro:content-module-imports' : id === 'map-file' ? mapFile() : undefined),
  load: (id) => (id === '\0astro:content-module-imports' ? readFileSync(mapFile(), 'utf8') : undefined),
});

async function listed(specifier: string): Promise<string[]> {
  const runner = (server.environments.ssr as RunnableDevEnvironment).runner;
  const { default: map } = (await runner.import(specifier)) as { default: Map<string, string> };
  return [...map.keys()];
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'shiplog-content-modules-'));
  mkdirSync(path.join(root, '.astro'));
  writeMap(['features/a.mdx']);
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, watch: null, ws: false },
    plugins: [moduleMap()],
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('invalidateContentModules', () => {
  it('makes the dev server read the module map again, as a file and as the virtual module', async () => {
    expect(await listed('map-file')).toEqual(['features/a.mdx']);
    expect(await listed('astro:content-module-imports')).toEqual(['features/a.mdx']);

    writeMap(['features/a.mdx', 'features/b.mdx']);
    // Without an invalidation (and no watcher), both forms stay as first read: the stale map of the bug.
    expect(await listed('map-file')).toEqual(['features/a.mdx']);
    expect(await listed('astro:content-module-imports')).toEqual(['features/a.mdx']);

    invalidateContentModules(server, pathToFileURL(root + path.sep));
    expect(await listed('map-file')).toEqual(['features/a.mdx', 'features/b.mdx']);
    expect(await listed('astro:content-module-imports')).toEqual(['features/a.mdx', 'features/b.mdx']);
  });
});
