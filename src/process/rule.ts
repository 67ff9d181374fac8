import type { CalendarDate } from './dates.ts';
import type { Finding, Severity } from './finding.ts';
import type { Content, FeatureEntry } from './model.ts';
import type { Feature } from './schemas/index.ts';

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
}

export interface Rule {
  /** The public rule id from the content contract. */
  id: string;
  /** Used unless process.yaml's `rules:` sets another severity or `off`. */
  defaultSeverity: Severity;
  check(context: RuleContext): Iterable<Finding>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * For rules that look at one feature at a time: runs `check` on every feature
 * whose frontmatter is valid.
 */
export function defineFeatureRule(rule: {
  id: string;
  defaultSeverity: Severity;
  check(feature: FeatureEntry, context: RuleContext): Iterable<Finding>;
}): Rule {
  return {
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    *check(context) {
      for (const feature of context.content.features) yield* rule.check(feature, context);
    },
  };
}
