import type { FeatureEntry } from '../model.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'flag-duplicate',
  defaultSeverity: 'error',
  docs: {
    summary: 'two features share a flag',
    rationale: 'Switching one off would switch the other off too. Reported on every file that shares the flag, so ' +
      'each owner sees it.',
  },
  check({ content }, report) {
    const byFlag = new Map<string, FeatureEntry[]>();
    for (const feature of content.features) {
      if (!feature.data.flag) continue;
      const list = byFlag.get(feature.data.flag) ?? [];
      list.push(feature);
      byFlag.set(feature.data.flag, list);
    }
    for (const [flag, features] of byFlag) {
      if (features.length < 2) continue;
      for (const feature of features) {
        const others = features.filter((f) => f !== feature).map((f) => f.id);
        report({
          file: feature.file,
          at: { path: ['flag'], anchor: 'value' },
          message: `The flag "${flag}" is also used by ${others.join(', ')}.`,
          hint: `Give each feature its own flag, e.g. "flag: ${feature.id}".`,
        });
      }
    }
  },
});
