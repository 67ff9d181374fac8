import type { Content, HandbookEntry } from '../../engine/model.ts';

/**
 * The sidebar is the handbook's: its pages grouped by folder, nested as the
 * folders are, in their `order` then title, plus links to the generated
 * sections. A folder's page (its index or README) leads its group, whose
 * label is that page's title. Features are deliberately
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
  { label: 'Insights', link: '/insights/' },
  { label: 'People and queues', link: '/people/' },
  { label: 'Self-service articles', link: '/docs/' },
  { label: 'Upcoming changelog', link: '/changelog-preview/' },
  { label: 'Stage changes', link: '/changes/' },
] as const;

export function handbookSidebar(content: Content): SidebarItem[] {
  const pages = content.handbook;
  const link = (page: HandbookEntry): SidebarItem => ({ slug: page.id, label: page.data.title });
  const tree = folderTree(pages);
  const topLevel = tree.pages.filter((page) => page.id !== 'index').sort(byOrder);
  // Folders that document stages describe the process itself, so they come first.
  const folderRank = (folder: Folder) => (folder.pages.some((page) => page.data.stage) ? 0 : 1);
  // Many pages: every folder starts closed (Starlight opens the one holding the current page).
  const collapsed = pages.length > COLLAPSE_ABOVE;
  const group = (folder: Folder, depth: number): SidebarItem => {
    const index = folder.pages.find((page) => page.id === `${folder.id}/index`);
    const items = [
      ...(index ? [link(index)] : []),
      ...folder.pages.filter((page) => page !== index).sort(byOrder).map(link),
      ...sortFolders(folder.folders).map((child) => group(child, depth + 1)),
    ];
    return { label: index?.data.title ?? humanize(folder.name), items, collapsed: collapsed || depth > 0 };
  };
  const groups = sortFolders(tree.folders, folderRank).map((folder) => group(folder, 0));

  return [
    { label: 'Home', link: '/' },
    ...generatedSections.map((section) => ({ ...section })),
    ...(topLevel.length ? [{ label: 'Handbook', items: topLevel.map(link), ...(collapsed ? { collapsed } : {}) }] : []),
    ...groups,
  ];
}

/** Above this many handbook pages, folder groups start closed. */
const COLLAPSE_ABOVE = 60;

const byOrder = (a: HandbookEntry, b: HandbookEntry) =>
  (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) || a.data.title.localeCompare(b.data.title);

/** A folder of the handbook: its own pages, and its subfolders. */
interface Folder {
  /** Its id path (`company/people`); its last part is `name`. */
  id: string;
  name: string;
  pages: HandbookEntry[];
  folders: Map<string, Folder>;
}

function folderTree(pages: readonly HandbookEntry[]): Folder {
  const root: Folder = { id: '', name: '', pages: [], folders: new Map() };
  for (const page of pages) {
    const parts = page.id.split('/');
    parts.pop();
    let folder = root;
    for (const part of parts) {
      let child = folder.folders.get(part);
      if (!child) folder.folders.set(part, (child = { id: folder.id ? `${folder.id}/${part}` : part, name: part, pages: [], folders: new Map() }));
      folder = child;
    }
    folder.pages.push(page);
  }
  return root;
}

/** Folders in the order of their pages' `order` (the lowest), then by name. */
function sortFolders(folders: Map<string, Folder>, rank: (folder: Folder) => number = () => 0): Folder[] {
  const lowest = (folder: Folder) => Math.min(Number.MAX_SAFE_INTEGER, ...folder.pages.map((page) => page.data.order ?? Number.MAX_SAFE_INTEGER));
  return [...folders.values()].sort((a, b) => rank(a) - rank(b) || lowest(a) - lowest(b) || labelOf(a).localeCompare(labelOf(b)));
}

function labelOf(folder: Folder): string {
  return folder.pages.find((page) => page.id === `${folder.id}/index`)?.data.title ?? humanize(folder.name);
}

/** `how-to` → "How to". */
function humanize(folder: string): string {
  return folder.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
