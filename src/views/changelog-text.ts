import { micromark } from 'micromark';

/**
 * Changelog entry text is Markdown written in a feature's frontmatter. It is
 * shown to customers on the public site and in feed readers, so it is
 * rendered with micromark's safe defaults: raw HTML is escaped, and link or
 * image URLs with a dangerous protocol (`javascript:`, `data:`, `vbscript:`)
 * are emptied. Both defaults are pinned here explicitly so an upgrade cannot
 * quietly turn them off.
 */
export function renderChangelogText(markdown: string): string {
  return (
    micromark(markdown, { allowDangerousHtml: false, allowDangerousProtocol: false })
      // A link or image whose URL was refused would point at the page itself; keep only its text.
      .replace(/<a href=""(?: title="[^"]*")?>([\s\S]*?)<\/a>/g, '$1')
      .replace(/<img src="" alt="([^"]*)"(?: title="[^"]*")? \/>/g, '$1')
      .trim()
  );
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** The entry text as one line of plain text, for `<meta name="description">`. */
export function changelogPlainText(markdown: string): string {
  return renderChangelogText(markdown)
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => entities[entity]!)
    .replace(/\s+/g, ' ')
    .trim();
}
