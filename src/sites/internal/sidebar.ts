import type { Content, HandbookEntry } from '../../engine/model.ts';

/**
 * The sidebar is the handbook's: its pages grouped by folder in their
 * `order`, plus links to the generated sections. Features are deliberately
 * not listed: Starlight renders the whole sidebar into every page, so a
 * sidebar entry per feature makes builds quadratic (the board and search
 * find features instead).
 */
type SidebarItem =
  | { label: string; link: string }
  | { slug: string; label: string }
  | { label: string; items: SidebarItem[]; collapsed?: boolean };

export const generatedSections = [
  { label: 'Stage board', link: '/features/' },
  { label: 'People and queues', link: '/people/' },
  { label: 'Self-service articles', link: '/docs/' },
  { label: 'Upcoming changelog', link: '/changelog-preview/' },
] as const;

export function handbookSidebar(content: Content): SidebarItem[] {
  const pages = content.handbook;
  const byOrder = (a: HandbookEntry, b: HandbookEntry) =>
    (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) || a.data.title.localeCompare(b.data.title);
  const link = (page: HandbookEntry): SidebarItem => ({ slug: page.id, label: page.data.title });

  const topLevel = pages.filter((page) => !page.id.includes('/') && page.id !== 'index').sort(byOrder);
  const folders = new Map<string, HandbookEntry[]>();
  for (const page of pages) {
    const slash = page.id.lastIndexOf('/');
    if (slash < 0) continue;
    const folder = page.id.slice(0, slash);
    folders.set(folder, [...(folders.get(folder) ?? []), page]);
  }
  // Folders that document stages describe the process itself, so they come first.
  const folderRank = (pagesIn: HandbookEntry[]) => (pagesIn.some((page) => page.data.stage) ? 0 : 1);
  const groups = [...folders]
    .sort(([a, pa], [b, pb]) => folderRank(pa) - folderRank(pb) || a.localeCompare(b))
    .map(([folder, pagesIn]) => ({ label: humanize(folder), items: pagesIn.sort(byOrder).map(link) }));

  return [
    { label: 'Home', link: '/' },
    ...generatedSections.map((section) => ({ ...section })),
    ...(topLevel.length ? [{ label: 'Handbook', items: topLevel.map(link) }] : []),
    ...groups,
  ];
}

/** `how-to` → "How to", `stages/archive` → "Stages / Archive". */
function humanize(folder: string): string {
  return folder
    .split('/')
    .map((part) => part.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()))
    .join(' / ');
}
