import { defineFeatureRule } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

export default defineFeatureRule({
  id: 'checklist-unknown',
  defaultSeverity: 'error',
  docs: {
    summary: 'a checklist key is not an item in process.yaml',
    rationale: 'A misspelt item (`hallway-test`) would leave the real one missing while the page looks done.',
    examples: [
      { bad: 'checklist:\n  hallway-test: 2026-08-20', good: 'checklist:\n  hallway-tests: 2026-08-20' },
    ],
  },
  check({ file, data }, { content }, report) {
    for (const key of Object.keys(data.checklist)) {
      if (content.process.checklist.some((item) => item.id === key)) continue;
      const known = content.process.checklist.map((item) => item.id);
      report({
        file,
        at: { path: ['checklist', key] },
        message: `"${key}" is not a checklist item in process.yaml.`,
        hint: `${didYouMean(key, known)}Checklist items: ${known.join(', ')}.`,
      });
    }
  },
});
