import type { AssetKind } from './content-files.ts';
import type { PageRef } from './links.ts';
import type { SourceFile } from './source.ts';
import type { Doc, Feature, HandbookPage, Person, Process, Stage, Team } from './schemas/index.ts';

/** A file as loaded: its source and, when it has one, where its YAML and body sit. */
export interface ContentFile {
  source: SourceFile;
  /** Offset of the opening `---` (0 for plain YAML files). */
  blockOffset: number;
  yaml?: { text: string; offset: number };
  body?: { text: string; offset: number };
  /**
   * A handbook page whose title is its first `# ` heading (it has no `title`
   * key): the site shows that heading once, as the page's title.
   */
  titleFromHeading?: boolean;
}

/** A file whose frontmatter passed its schema. */
export interface Entry<T> {
  id: string;
  file: ContentFile;
  data: T;
}

export type FeatureEntry = Entry<Feature>;
export type DocEntry = Entry<Doc>;
export type HandbookEntry = Entry<HandbookPage>;

export interface IndexedStage extends Stage {
  index: number;
}

/** Everything the rules, the sites and the commands read: valid entries only. */
export interface Content {
  root: string;
  process: Process;
  processFile: ContentFile;
  team: Team;
  teamFile: ContentFile;
  features: FeatureEntry[];
  docs: DocEntry[];
  handbook: HandbookEntry[];
  stages: IndexedStage[];
  stageById: Map<string, IndexedStage>;
  people: Map<string, Person>;
  teamIds: Set<string>;
  featureById: Map<string, FeatureEntry>;
  docById: Map<string, DocEntry>;
  /**
   * Files beside the pages in features/, docs/ and handbook/ that are not
   * pages (images, PDFs), by their path from the content root, with what
   * their first bytes say they are.
   */
  assets: Map<string, AssetKind>;
  /**
   * Every page file, valid or not, by its path from the content root as it is
   * on disk (`handbook/People Ops/Swag.md`): links name files, pages have ids.
   */
  pageFiles: Map<string, PageRef>;
  /** Ids of every feature file, valid or not: a reference to a broken file is not "unknown". */
  featureFileIds: Set<string>;
  docFileIds: Set<string>;
  handbookFileIds: Set<string>;
}
