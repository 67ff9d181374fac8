import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Starlight marks the two inline scripts of its sidebar `aria-hidden` to keep
 * VoiceOver on Safari from reading them out: they sit in an element with
 * `display: contents` (WebKit bug 283645). That attribute is not allowed on
 * `<script>`, and the Nu Html Checker reports it on every page. handbook.css
 * gives that element `display: block`, which removes the cause of the bug,
 * so the attribute can go.
 *
 * It goes from Starlight's component source, once per build, before Astro
 * compiles it. (It used to go from every rendered page in a middleware,
 * which decoded, copied and encoded each page again: about 2 CPU seconds of
 * a 900-page build.) If a Starlight upgrade changes the markup, the build
 * says so, and the Nu Html Checker test fails.
 */
const PERSISTER = /\/@astrojs\/starlight\/(?:dist\/)?components\/SidebarPersister\.astro$/;
const HIDDEN_SCRIPT = '<script is:inline aria-hidden="true">';

export function sidebarScriptsVisible(): Plugin {
  return {
    name: 'shiplog-sidebar-scripts',
    // Astro compiles components in a `pre` transform of its own, which runs first: the source is changed as it loads.
    enforce: 'pre',
    load: {
      filter: { id: /SidebarPersister\.astro$/ },
      handler(id) {
        if (!PERSISTER.test(id.replaceAll('\\', '/'))) return undefined;
        const code = readFileSync(id, 'utf8');
        if (!code.includes(HIDDEN_SCRIPT)) {
          this.warn(`Starlight's SidebarPersister.astro no longer has ${HIDDEN_SCRIPT}: see src/sites/integration/sidebar-scripts.ts`);
          return code;
        }
        return { code: code.replaceAll(HIDDEN_SCRIPT, '<script is:inline>'), map: null };
      },
    },
  };
}
