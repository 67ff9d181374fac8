import type { ContentFile } from './model.ts';
import type { Anchor, YamlPath } from './positions.ts';

export type Severity = 'error' | 'warning';

/** Where in a file a finding points. */
export type FindingLocation =
  /** A key or value in the file's YAML (a missing key resolves to its parent). */
  | { path: YamlPath; anchor?: Anchor }
  /** A character offset in the whole file (syntax errors, links in the body). */
  | { offset: number };

/**
 * A problem found in a file; positions are resolved later, only for files
 * that have findings. Rules report it without `rule` (rule.ts, RuleFinding)
 * and the engine adds the id; code that finds problems outside a rule's run
 * (the loader, the public build, check-pr) names the rule itself.
 */
export interface Finding {
  /** The contract's rule id. */
  rule: string;
  file: ContentFile;
  at?: FindingLocation;
  message: string;
  hint: string;
  /** What the finding is about when a rule has a target (the link as written): suppressions match it. */
  target?: string | null | undefined;
}

/** What the commands print: the contract's diagnostic. */
export interface Diagnostic {
  /** Relative to the working directory, with `/` separators. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  hint: string;
  /** Absolute path of the file (not printed; lets pages find their own findings). */
  path: string;
  /** The finding's target, for suppressions (not printed). */
  target?: string | null | undefined;
}
