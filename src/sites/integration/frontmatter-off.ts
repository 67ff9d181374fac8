import path from 'node:path';
import type { Plugin } from 'vite';
import { splitFrontmatter } from '../../engine/source.ts';

/**
 * A Vite plugin that hands Astro's MDX and Markdown compilers the content
 * pages with their frontmatter blanked out (the lines stay, empty, so the
 * compilers' line numbers still match the file). The sites take every
 * page's data from the engine's load (content-loader.ts); without this, the
 * compiler would parse each frontmatter again with its own YAML reader only
 * to export it unused, which cost a second reading of every page in the
 * build (and a second YAML grammar that could disagree with the validator's).
 */
export function frontmatterOff(contentRoot: string): Plugin {
  const inside = contentRoot + path.sep;
  return {
    name: 'shiplog-frontmatter-off',
    // Before @astrojs/mdx's own transform, which is `pre` as well (plugins of the same order run as listed).
    enforce: 'pre',
    transform: {
      filter: { id: /\.mdx?(?:\?.*)?$/ },
      handler(code, id) {
        const file = id.split('?')[0]!;
        if (!file.startsWith(inside)) return undefined;
        const split = splitFrontmatter(code);
        if (!split.ok) return undefined;
        const block = code.slice(split.fenceOffset, split.bodyOffset);
        return { code: code.slice(0, split.fenceOffset) + block.replace(/[^\r\n]/g, '') + code.slice(split.bodyOffset), map: null };
      },
    },
  };
}
