import path from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { handbookSidebar } from '../internal/sidebar.ts';
import { publicPagefind } from '../public/lib/pagefind.ts';
import { formatText } from '../../engine/reporters/text.ts';
import type { Diagnostic } from '../../engine/finding.ts';
import { frontmatterOff } from './frontmatter-off.ts';
import { sidebarScriptsVisible } from './sidebar-scripts.ts';
import { ENGINE_LOADER, engineLoaderRuns } from './content-loader.ts';
import { invalidateContentModules } from './content-modules.ts';
import { contentChanged, ContentRootInvalid, onContentChange, siteLoad } from './site-load.ts';
import { parseSettings, useSettings, type ShiplogOptions, type ShiplogSettings } from './settings.ts';

/** Rolldown's log handler, as the config's `onLog` receives it. */
type LogHandler = (level: 'warn' | 'info' | 'debug', log: { code?: string | undefined; message: string }) => void;

export { settingsFromEnvironment, type ShiplogOptions, type ShiplogSettings } from './settings.ts';

/**
 * The `shiplog()` Astro integration. It validates its options once, records
 * them for the pages (`currentSettings()`), and loads and validates the
 * content once for the whole build (`siteLoad()`) before anything asks for
 * it: every page, the sidebar and the content collections read that one
 * load. In internal mode it brings Starlight, configured with the handbook's
 * sidebar; in public mode MDX, the sitemap and the public search index.
 */
export function shiplog(options: ShiplogOptions): AstroIntegration[] {
  const settings = parseSettings(options);
  useSettings(settings);
  let projectRoot: URL | undefined;
  const core: AstroIntegration = {
    name: 'shiplog',
    hooks: {
      'astro:config:setup': ({ config, logger, updateConfig }) => {
        projectRoot = config.root;
        const errors = siteLoad(settings).diagnostics.filter((d) => d.severity === 'error').length;
        if (errors > 0) logger.warn(`${errors} validation errors in ${settings.content}: run \`npm run validate\` for details`);
        updateConfig({
          vite: {
            plugins: [frontmatterOff(settings.content), ...(settings.site === 'internal' ? [sidebarScriptsVisible()] : [])],
            build: {
              rolldownOptions: {
                // Astro's own MDX output carries this directive; the warning repeats once per content file and means nothing to us.
                onLog(level: Parameters<LogHandler>[0], log: Parameters<LogHandler>[1], handler: LogHandler) {
                  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
                  handler(level, log);
                },
              },
            },
          },
        });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // The dev server: every save under the content root is validated again and its findings printed,
        // and the pages and collections read the new load (the content root may be outside the project).
        server.watcher.add(settings.content);
        server.watcher.on('all', (_event, file) => {
          if (file === settings.content || file.startsWith(settings.content + path.sep)) contentChanged();
        });
        onContentChange('dev-server', async () => {
          let diagnostics: Diagnostic[];
          let files: number;
          let loaded = true;
          try {
            const site = siteLoad(settings);
            ({ diagnostics } = site);
            files = site.load.files.length;
          } catch (error) {
            if (!(error instanceof ContentRootInvalid)) throw error;
            // No content to put in the collections: the findings say why, and the pages show the error.
            ({ diagnostics, files } = error);
            loaded = false;
          }
          printFindings(logger, diagnostics, files);
          if (loaded) {
            // The collections are fed from the load just made: Astro's content layer runs their loaders again
            // (one sync at a time; the store and its module map are written before it returns), and the pages
            // then read the new map, before the browser is told to ask again.
            if (refreshContent && !(await refreshEngineCollections(refreshContent))) {
              logger.warn('the content collections did not refresh after this save: restart `npm run dev` to see the change');
            }
            if (projectRoot) invalidateContentModules(server, projectRoot);
          }
          server.ws.send({ type: 'full-reload' });
        });
      },
    },
  };
  return settings.site === 'internal' ? [core, internalSite(settings)] : [core, ...publicSite()];
}

/**
 * Asks Astro's content layer to run the engine's loaders again and waits
 * until they have. Astro ignores the request, without a word, while it
 * reloads the content config, and it does reload it on the very save that
 * calls this when the saved file is an `.md` or `.mdx` file
 * (`vite-plugin-content-imports.js`): so ask again shortly after, for up to
 * 10 s, until a loader has run.
 */
async function refreshEngineCollections(refreshContent: (options: { loaders: string[] }) => Promise<void>): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const before = engineLoaderRuns();
    await refreshContent({ loaders: [ENGINE_LOADER] });
    if (engineLoaderRuns() > before) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** The dev server's printout after a save: a count line, then the findings as `validate` prints them. */
function printFindings(logger: AstroIntegrationLogger, diagnostics: Diagnostic[], files: number): void {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  logger.info(`content changed: ${errors} errors, ${diagnostics.length - errors} warnings`);
  if (diagnostics.length > 0) process.stdout.write(formatText({ files, errors, warnings: diagnostics.length - errors }, diagnostics, { color: false }));
}

function internalSite(settings: ShiplogSettings): AstroIntegration {
  return starlight({
    title: 'Shiplog handbook',
    description: 'How features get from a pull request to every customer, and where each one stands.',
    social: [{ icon: 'github', label: 'Repository', href: settings.repoUrl }],
    // Edit links and git dates are set per page in route-data.ts (content lives outside src/content/docs).
    routeMiddleware: './src/sites/internal/route-data.ts',
    customCss: ['./src/sites/internal/styles/handbook.css'],
    components: {
      MarkdownContent: './src/sites/internal/components/overrides/MarkdownContent.astro',
      LastUpdated: './src/sites/internal/components/overrides/LastUpdated.astro',
    },
    markdown: { processedDirs: ['handbook', 'features', 'docs'].map((folder) => path.join(settings.content, folder)) },
    sidebar: handbookSidebar(siteLoad(settings).content),
    // Starlight's own 404 route looks for a docs entry "404" and warns that there is none: pages/404.astro is ours.
    disable404Route: true,
    credits: false,
    expressiveCode: false,
  });
}

function publicSite(): AstroIntegration[] {
  return [mdx(), sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(new URL(page).pathname) }), publicPagefind()];
}
