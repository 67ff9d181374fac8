import { daysBetween } from '../dates.ts';
import { defineFeatureRule } from '../rule.ts';
import { stagesOutOfOrder } from './stage-date-order.ts';

export default defineFeatureRule({
  id: 'stale-stage',
  defaultSeverity: 'warning',
  docs: {
    summary: "the feature has sat in a non-public stage longer than that stage's limit",
    rationale: 'Stages are pause points, not parking spots (development 90 days, internal 30, beta 60): a long pause ' +
      'usually means a decision nobody has made.',
  },
  check({ file, data }, { content, today }, report) {
    const stage = content.stageById.get(data.stage)!;
    const entered = (data.dates as Record<string, string | undefined>)[stage.id];
    if (!stage.staleAfterDays || !entered) return;
    // Dates out of order are stage-date-order's finding; the entry date may be the wrong one.
    if (stagesOutOfOrder(content, data.dates as Record<string, string | undefined>).has(stage.id)) return;
    const days = daysBetween(entered, today);
    if (days <= stage.staleAfterDays) return;
    report({
      file,
      at: { path: ['stage'], anchor: 'value' },
      message: `The feature has been in ${stage.name} for ${days} days (since ${entered}); the limit is ${stage.staleAfterDays}.`,
      hint: 'Agree the next step with Support and Growth: move it on, or note in the page body what it is waiting for.',
    });
  },
});
