import { defineFeatureRule, type RuleFinding } from '../rule.ts';

export default defineFeatureRule({
  id: 'date-in-future',
  defaultSeverity: 'error',
  docs: {
    summary: 'a stage, approval or checklist date is after today',
    rationale: 'These dates record what happened; a future one is a typo or a plan written as a fact, and it would ' +
      'satisfy deadline checks that have not been met. (The announced `target` date is a plan and is not ' +
      'checked here.)',
  },
  check({ file, data }, { today }, report) {
    const future = (path: (string | number)[], date: string, what: string): RuleFinding => ({
      file,
      at: { path, anchor: 'value' },
      message: `${what} is ${date}, after today (${today}).`,
      hint: 'Record only what has happened: use the real date, or remove the entry until it happens.',
    });
    const dates = data.dates as Record<string, string | undefined>;
    for (const stage in dates) {
      const date = dates[stage];
      if (date && date > today) report(future(['dates', stage], date, `The date ${stage} was entered`));
    }
    for (const [index, approval] of data.approvers.entries()) {
      if (approval.date > today) report(future(['approvers', index, 'date'], approval.date, `The date of ${approval.person}'s approval for ${approval.stage}`));
    }
    for (const item in data.checklist) {
      const date = data.checklist[item]!;
      if (date > today) report(future(['checklist', item], date, `The date checklist item ${item} was done`));
    }
  },
});
