import { defineRule } from '../rule.ts';
import { stageIndex } from '../requirements.ts';

/**
 * `history-rewrite` (pull requests): an entry date that exists on the base
 * branch was changed or removed.
 *
 * Entry dates are the feature's history; soak and stale warnings, approval
 * deadlines and the changelog's dates all count from them. Dates removed by
 * moving the stage backwards are `stage-backward`'s finding alone.
 */
export default defineRule({
  id: 'history-rewrite',
  defaultSeverity: 'error',
  check({ content, base }, report) {
    if (!base) return;
    for (const { id, file, data } of content.features) {
      const before = base.features.get(id);
      if (!before) continue;
      const movedBack = stageIndex(content, data.stage) < stageIndex(content, before.stage);
      const now = data.dates as Record<string, string | undefined>;
      for (const [stageId, date] of Object.entries(before.dates as Record<string, string | undefined>)) {
        if (!date || now[stageId] === date) continue;
        const stage = content.stageById.get(stageId);
        if (now[stageId] === undefined) {
          if (movedBack && stageIndex(content, stageId) > stageIndex(content, data.stage)) continue;
          report({
            rule: 'history-rewrite',
            file,
            at: { path: ['dates', stageId] },
            message: `The ${stage?.name ?? stageId} entry date (${date} on ${base.ref}) was removed.`,
            hint: `Restore "${stageId}: ${date}" under "dates:": entry dates record history and are not edited.`,
          });
        } else {
          report({
            rule: 'history-rewrite',
            file,
            at: { path: ['dates', stageId], anchor: 'value' },
            message: `The ${stage?.name ?? stageId} entry date changed from ${date} (on ${base.ref}) to ${now[stageId]}.`,
            hint: `Restore "${stageId}: ${date}"; if the recorded date was wrong, fix it in a pull request of its own that says why.`,
          });
        }
      }
    }
  },
});
