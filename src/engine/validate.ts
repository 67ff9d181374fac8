import type { CalendarDate } from './dates.ts';
import type { Diagnostic, Finding, FindingLocation, Severity } from './finding.ts';
import { loadContent, type LoadOptions, type LoadResult } from './load.ts';
import type { Content, ContentFile } from './model.ts';
import { PageBodies } from './page-bodies.ts';
import { didYouMean } from './suggest.ts';
import { locateInYaml, type YamlPositions } from './positions.ts';
import type { BaseSnapshot, FeatureRule, Report, Rule, RuleContext, RuleFinding } from './rule.ts';
import { rules as allRules } from './rules/index.ts';
import { LineIndex } from './source.ts';
import { suppressedDiagnostics, type Suppression } from './suppressions.ts';
import type { TrackerSnapshot } from './tracker-state.ts';

export interface ValidateOptions {
  today: CalendarDate;
  base?: BaseSnapshot | undefined;
  /** Report only on these files (absolute paths); cross-file rules still see the whole root. */
  only?: ReadonlySet<string> | undefined;
  rules?: readonly Rule[] | undefined;
  /**
   * Which suppressions apply (content/suppressions.json): by default the
   * content root's own, refused when malformed or stale; `false` for none
   * (validate --suppress-all records the findings they would hide); a list
   * for exactly those (check-pr judges by the base's copy).
   */
  suppressions?: false | readonly Suppression[] | undefined;
  /** The bug tracker's live state, fetched by a command run with `--online`; without it the recorded bug states are judged. */
  tracker?: TrackerSnapshot | undefined;
}

export interface ValidationResult {
  load: LoadResult;
  diagnostics: Diagnostic[];
  summary: { files: number; errors: number; warnings: number };
  /** How many findings suppressions.json hid. */
  suppressed: number;
}

/** Loads a content root and runs every rule on it. */
export function validateRoot(root: string, options: ValidateOptions & LoadOptions): ValidationResult {
  return validateLoaded(loadContent(root, options), options);
}

export function validateLoaded(load: LoadResult, options: ValidateOptions): ValidationResult {
  const ruleList = options.rules ?? allRules;
  const severities = load.content?.process.rules ?? {};
  // The rule id is kept beside the finding rather than copied into it: rules
  // report findings without one, and the engine names the rule that made them.
  const findings: Stamped[] = [];
  const severityOf = (rule: Rule): Severity | undefined => {
    const setting = rule.locked ? rule.defaultSeverity : (severities[rule.id] ?? rule.defaultSeverity);
    return setting === 'off' ? undefined : setting;
  };

  const frontmatterRule = ruleList.find((r) => r.id === 'frontmatter');
  const frontmatterSeverity = frontmatterRule ? severityOf(frontmatterRule) : 'error';
  if (!load.content) {
    // process.yaml or team.yaml is unusable: report what the loader found and nothing else.
    if (frontmatterSeverity) for (const finding of load.findings) findings.push({ finding, rule: finding.rule, severity: frontmatterSeverity });
  } else {
    const context: RuleContext = {
      content: load.content,
      today: options.today,
      base: options.base,
      loadFindings: [...load.findings, ...unknownRuleSettings(load.content, ruleList)],
      bodies: new PageBodies(),
      tracker: options.tracker,
    };
    const featureRules: { rule: FeatureRule; report: Report }[] = [];
    for (const rule of ruleList) {
      const severity = severityOf(rule);
      if (!severity) continue;
      const report: Report = (finding) => findings.push({ finding, rule: rule.id, severity });
      if (rule.kind === 'root') {
        rule.check(context, report);
      } else {
        rule.checkRest?.(context, report);
        featureRules.push({ rule, report });
      }
    }
    // Feature by feature rather than rule by rule: every rule reads the same
    // page's data while it is still in the CPU's cache. Findings are sorted
    // below, so the order they are made in does not show.
    for (const feature of load.content.features) {
      for (const { rule, report } of featureRules) rule.check(feature, context, report);
    }
  }

  const scoped = options.only ? findings.filter(({ finding }) => options.only!.has(finding.file.source.path)) : findings;
  const { reported: diagnostics, suppressed } = suppressedDiagnostics(resolvePositions(scoped), load.suppressions, options.suppressions);
  const files = options.only ? options.only.size : load.files.length;
  return {
    load,
    diagnostics,
    suppressed: suppressed.length,
    summary: {
      files,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}

/** A severity set for a rule id that does not exist, or for a locked rule, would silently do nothing: say so. */
function unknownRuleSettings(content: Content, ruleList: readonly Rule[]): Finding[] {
  const ids = ruleList.map((rule) => rule.id);
  const locked = Object.entries(content.process.rules).flatMap(([id, setting]): Finding[] => {
    const rule = ruleList.find((r) => r.id === id);
    if (!rule?.locked || setting === rule.defaultSeverity) return [];
    return [
      {
        rule: 'frontmatter',
        file: content.processFile,
        at: { path: ['rules', id], anchor: 'value' },
        message: `"rules" sets "${id}" to "${setting}", but ${id} cannot be changed: it keeps internal data off the public site.`,
        hint: `Remove the "${id}" line from "rules"; fix what the rule reports instead.`,
      },
    ];
  });
  return locked.concat(Object.keys(content.process.rules)
    .filter((id) => !ids.includes(id))
    .map((id) => ({
      rule: 'frontmatter',
      file: content.processFile,
      at: { path: ['rules', id] },
      message: `"rules" sets a severity for "${id}", which is not a rule.`,
      hint: `${didYouMean(id, ids)}Rule ids are listed in the README's rule table.`,
    })));
}

/** A finding with the id of the rule that reported it and the severity it is reported at. */
interface Stamped {
  finding: RuleFinding;
  rule: string;
  severity: Severity;
}

/** Turns findings into diagnostics with line and column, parsing each file's YAML at most once. */
function resolvePositions(findings: Stamped[]): Diagnostic[] {
  const positions = new Map<ContentFile, YamlPositions>();
  const lines = new Map<ContentFile, LineIndex>();
  const locate = (file: ContentFile, at: FindingLocation | undefined) => {
    let lineIndex = lines.get(file);
    if (!lineIndex) lines.set(file, (lineIndex = new LineIndex(file.source.text)));
    if (!at) return lineIndex.locate(file.blockOffset);
    if ('offset' in at) return lineIndex.locate(at.offset);
    if (!file.yaml) return lineIndex.locate(file.blockOffset);
    let yaml = positions.get(file);
    if (!yaml) positions.set(file, (yaml = locateInYaml(file.yaml.text)));
    const { offset } = yaml.offsetOf(at.path, at.anchor);
    return lineIndex.locate(offset < 0 ? file.blockOffset : file.yaml.offset + offset);
  };
  const diagnostics = findings.map(({ finding, rule, severity }) => {
    const { line, column } = locate(finding.file, finding.at);
    return {
      file: finding.file.source.displayPath,
      line,
      column,
      severity,
      rule,
      message: finding.message,
      hint: finding.hint,
      path: finding.file.source.path,
      ...(finding.target !== undefined ? { target: finding.target } : {}),
    } satisfies Diagnostic;
  });
  return diagnostics.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
