import type { Severity } from '../engine/finding.ts';
import type { Content, FeatureEntry } from '../engine/model.ts';
import { requirementsFor, type Requirement } from '../engine/requirements.ts';
import { rules } from '../engine/rules/index.ts';
import type { Feature } from '../engine/schemas/index.ts';

/**
 * What a stage asks for in general, for the handbook's stage pages. Rather
 * than listing the process's fields again, this asks `requirementsFor` what a
 * feature that has nothing yet would need to enter the stage: the same
 * function the rules use, so the handbook cannot disagree with the validator.
 */
export function stageNeeds(content: Content, stageId: string): Requirement[] {
  const blank: Feature = {
    title: '',
    summary: '',
    owner: '',
    stage: stageId,
    dates: {},
    approvers: [],
    checklist: {},
    bugs: [],
  };
  const entry: FeatureEntry = {
    id: '',
    file: { source: { path: '', displayPath: '', kind: 'feature', id: '', text: '' }, blockOffset: 0 },
    data: blank,
  };
  // Checklist items count only when done by the entry date; a blank feature has none, so any date will do.
  return requirementsFor(content, entry, stageId, '9999-12-31');
}

/** The severity a rule runs with under this content's process.yaml, or undefined when it is switched off. */
export function ruleSeverity(content: Content, ruleId: string): Severity | undefined {
  const setting = content.process.rules[ruleId] ?? rules.find((rule) => rule.id === ruleId)?.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}
