import { defineFeatureRule } from '../rule.ts';
import { stageIndex } from '../requirements.ts';

export default defineFeatureRule({
  id: 'stage-date-ahead',
  defaultSeverity: 'error',
  docs: {
    summary: 'a date is given for a stage after the current stage',
    rationale: 'A date says the stage was entered; one ahead of `stage` means either the stage or the date is wrong, ' +
      'and the board would show the wrong column.',
  },
  check({ file, data }, { content, today }, report) {
    const current = stageIndex(content, data.stage);
    const currentName = content.stageById.get(data.stage)!.name;
    for (const stage of content.stages) {
      const date = (data.dates as Record<string, string | undefined>)[stage.id];
      // A future date for a later stage is a plan written as a fact: date-in-future says so.
      if (stage.index > current && date && date <= today) {
        report({
          file,
          at: { path: ['dates', stage.id] },
          message: `"dates" says ${stage.name} was entered on ${date}, but the feature's stage is ${currentName}.`,
          hint: `Set "stage: ${stage.id}" if it has entered ${stage.name}; otherwise remove "dates.${stage.id}".`,
        });
      }
    }
  },
});
