import { daysBetween } from '../dates.ts';
import { defineFeatureRule } from '../rule.ts';
import { finalStage } from '../requirements.ts';

export default defineFeatureRule({
  id: 'post-launch',
  defaultSeverity: 'warning',
  docs: {
    summary: 'a post-launch checklist item is not done N days after public',
    rationale: 'Launch is not the end: analytics show whether the feature works for customers (metrics shared), and ' +
      'marketing can only share what it hears about (marketing told). N is 14 days by default.',
  },
  check({ file, data }, { content, today }, report) {
    const postLaunch = content.process.postLaunch;
    const last = finalStage(content);
    const launched = (data.dates as Record<string, string | undefined>)[last.id];
    if (!postLaunch || data.stage !== last.id || !launched) return;
    const days = daysBetween(launched, today);
    if (days < postLaunch.days) return;
    for (const id of postLaunch.checklist) {
      if (data.checklist[id]) continue;
      const name = content.process.checklist.find((item) => item.id === id)?.name ?? id;
      report({
        file,
        at: { path: Object.keys(data.checklist).length ? ['checklist'] : ['dates', last.id] },
        message: `${name} (${id}) is not done ${days} days after ${last.name} on ${launched}.`,
        hint: `Do it and record "${id}: YYYY-MM-DD" under "checklist:" (due within ${postLaunch.days} days of launch).`,
      });
    }
  },
});
