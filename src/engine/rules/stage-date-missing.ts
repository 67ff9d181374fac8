import { defineFeatureRule } from '../rule.ts';

export default defineFeatureRule({
  id: 'stage-date-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'the current stage has no entry date',
    rationale: 'Every time-based check (soak, stale, post-launch, approval and checklist deadlines) starts from the ' +
      'date a stage was entered.',
  },
  check({ file, data }, { content, today }, report) {
    if ((data.dates as Record<string, string | undefined>)[data.stage]) return;
    const stage = content.stageById.get(data.stage)!;
    report({
      file,
      at: { path: ['dates', data.stage] },
      message: `The feature is at ${stage.name} but has no entry date for it.`,
      hint: `Add "${data.stage}: ${today}" under "dates:" (the day it entered ${stage.name}).`,
    });
  },
});
