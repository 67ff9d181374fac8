import { daysBetween } from '../dates.ts';
import { defineFeatureRule } from '../rule.ts';

export default defineFeatureRule({
  id: 'soak-short',
  defaultSeverity: 'warning',
  docs: {
    summary: 'fewer than the soak days between entering internal and the next stage',
    rationale: "Soaking in the company's own instances (7 days by default) is what shows whether a feature regresses " +
      'seemingly unrelated parts of the app.',
  },
  check({ file, data }, { content }, report) {
    const soak = content.process.soak;
    if (!soak) return;
    const dates = data.dates as Record<string, string | undefined>;
    const start = dates[soak.after];
    const after = content.stageById.get(soak.after);
    if (!start || !after) return;
    const next = content.stages.find((stage) => stage.index > after.index && dates[stage.id]);
    if (!next) return;
    const days = daysBetween(start, dates[next.id]!);
    // A negative soak is dates out of order: stage-date-order reports that.
    if (days >= soak.days || days < 0) return;
    report({
      file,
      at: { path: ['dates', next.id] },
      message: `${next.name} was entered ${days} day${days === 1 ? '' : 's'} after ${after.name}; the process asks for at least ${soak.days} days of soak time.`,
      hint: `Let the feature soak in ${after.name} for ${soak.days} days before ${next.name}, or record why it was shorter in the page body.`,
    });
  },
});
