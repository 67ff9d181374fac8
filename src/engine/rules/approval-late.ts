import { defineFeatureRule } from '../rule.ts';
import { stageIndex } from '../requirements.ts';
import { stagesOutOfOrder } from './stage-date-order.ts';

export default defineFeatureRule({
  id: 'approval-late',
  defaultSeverity: 'error',
  docs: {
    summary: 'an approval is dated after the stage it approves was entered',
    rationale: 'Approval is permission to enter a stage; given afterwards, the feature reached people before Support ' +
      'or Growth agreed. (Approvals for stages not yet entered are pre-approvals and fine.)',
  },
  check({ file, data }, { content, today }, report) {
    const dates = data.dates as Record<string, string | undefined>;
    const current = stageIndex(content, data.stage);
    // Dates that go backwards are stage-date-order's finding; until they are
    // put right, an approval cannot be judged late against either of them.
    let disordered: Set<string> | undefined;
    for (const [index, approval] of data.approvers.entries()) {
      const entered = dates[approval.stage];
      if (!entered || approval.date <= entered) continue;
      // A date for a stage ahead of `stage` is stage-date-ahead's finding, and
      // an approval dated after today is date-in-future's: one mistake, one finding.
      if (stageIndex(content, approval.stage) > current || approval.date > today) continue;
      if ((disordered ??= stagesOutOfOrder(content, dates)).has(approval.stage)) continue;
      const stage = content.stageById.get(approval.stage)!;
      report({
        file,
        at: { path: ['approvers', index, 'date'], anchor: 'value' },
        message: `${approval.person} approved ${stage.name} on ${approval.date}, after it was entered on ${entered}.`,
        hint: `If the approval was given on or before ${entered}, correct its date; otherwise correct dates.${approval.stage} to the day the feature really entered ${stage.name}.`,
      });
    }
  },
});
