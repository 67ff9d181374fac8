import type { CalendarDate } from './dates.ts';
import type { Finding, Severity } from './finding.ts';
import type { Content, FeatureEntry } from './model.ts';
import type { PageBodies } from './page-bodies.ts';
import type { Feature } from './schemas/index.ts';
import type { TrackerSnapshot } from './tracker-state.ts';

/** The base branch's view of the features, for the pull-request rules. */
export interface BaseSnapshot {
  /** Ref the comparison was made against (for messages). */
  ref: string;
  /** Feature id -> its frontmatter at the merge base (only files that parsed there). */
  features: Map<string, Feature>;
}

export interface RuleContext {
  content: Content;
  today: CalendarDate;
  /** Present only under `check-pr`. */
  base?: BaseSnapshot | undefined;
  /** Problems the loader found in files' frontmatter (the `frontmatter` rule reports them). */
  loadFindings: readonly Finding[];
  /** Page bodies, each parsed once per run for every rule that reads it. */
  bodies: PageBodies;
  /** The bug tracker's live state: present only with `--online` (tracker-state.ts). */
  tracker?: TrackerSnapshot | undefined;
}

/** What a rule reports: a finding without its rule id, which the engine adds (validate.ts). */
export type RuleFinding = Omit<Finding, 'rule'>;

/** Called once for each finding a rule makes. */
export type Report = (finding: RuleFinding) => void;

/**
 * What a rule tells people about itself. The README's rule table is generated
 * from `summary` (src/engine/rules/table.ts), and test/rules/docs.test.ts
 * holds it to the content contract.
 */
export interface RuleDocs {
  /** When the rule fires: the content contract's "fires when" text, exactly, on one line. */
  summary: string;
  /** Why the rule exists: what it protects, and what it leaves to other rules. */
  rationale: string;
  /** Short frontmatter or body snippets: what the rule reports, and the fix. */
  examples?: readonly { bad: string; good?: string }[];
}

interface RuleBase {
  /** The public rule id from the content contract; the engine stamps it on every finding the rule reports. */
  id: string;
  docs: RuleDocs;
  /** Used unless process.yaml's `rules:` sets another severity or `off`. */
  defaultSeverity: Severity;
  /**
   * The severity cannot be changed in process.yaml: the rule guards a promise
   * (nothing internal reaches the public site) that no setting may weaken.
   */
  locked?: true;
}

/** A rule that looks at the content root as a whole (cross-file checks, pages other than features). */
export interface RootRule extends RuleBase {
  kind: 'root';
  check(context: RuleContext, report: Report): void;
}

/** A rule that looks at one feature at a time; the engine runs it on every feature whose frontmatter is valid. */
export interface FeatureRule extends RuleBase {
  kind: 'feature';
  check(feature: FeatureEntry, context: RuleContext, report: Report): void;
  /** What else the rule checks (other pages, team.yaml), once per run. */
  checkRest?(context: RuleContext, report: Report): void;
}

export type Rule = RootRule | FeatureRule;

export function defineRule(rule: Omit<RootRule, 'kind'>): RootRule {
  return { kind: 'root', ...rule };
}

export function defineFeatureRule(rule: Omit<FeatureRule, 'kind'>): FeatureRule {
  return { kind: 'feature', ...rule };
}

/** A finding made by `rule` outside the engine's run (the public build, check-pr without content), with the rule's id. */
export function findingOf(rule: Rule, finding: RuleFinding): Finding {
  return { ...finding, rule: rule.id };
}
