import { defineFeatureRule } from '../rule.ts';
import { stageIndex } from '../requirements.ts';

export default defineFeatureRule({
  id: 'internal-mandatory',
  defaultSeverity: 'error',
  docs: {
    summary: 'the feature is past Internal Release but has no internal date',
    rationale: 'Internal Release is the one stage every feature passes through (a mandatory stage): it is how ' +
      'Support tests it and the company soaks it before customers see it. Such a feature gets this finding ' +
      'instead of approval or checklist findings for the stage it skipped.',
  },
  check({ file, data }, { content }, report) {
    const current = stageIndex(content, data.stage);
    const currentName = content.stageById.get(data.stage)!.name;
    for (const stage of content.stages) {
      if (!stage.mandatory || stage.index >= current) continue;
      if ((data.dates as Record<string, string | undefined>)[stage.id]) continue;
      report({
        file,
        at: { path: ['dates', stage.id] },
        message: `The feature is at ${currentName} but never entered ${stage.name}, which every feature must pass through.`,
        hint: `Add "${stage.id}: YYYY-MM-DD" under "dates:" with the day it entered ${stage.name}, or move "stage" back to ${stage.id}.`,
      });
    }
  },
});
