import { compareStages, stageName } from '../base.ts';
import { defineRule } from '../rule.ts';

/**
 * "Earlier" is judged by compareStages in base.ts.
 */
export default defineRule({
  id: 'stage-backward',
  defaultSeverity: 'error',
  docs: {
    summary: 'the stage moved to an earlier stage',
    rationale: 'Taking a feature back (say, out of Beta after a bad bug) is a real event, but one to do on purpose ' +
      'with Support and Growth, not by accident in an edit. Reported alone: the entry dates it removes are ' +
      'not also reported as `history-rewrite`. "Earlier" is in the base\'s stage order, so reordering ' +
      '`stages` in the same pull request does not hide the move.',
  },
  check({ content, base }, report) {
    if (!base) return;
    for (const { id, file, data } of content.features) {
      const before = base.features.get(id);
      if (!before || (compareStages(content, base, data.stage, before.stage) ?? 0) >= 0) continue;
      const from = stageName(content, base, before.stage);
      const to = stageName(content, base, data.stage);
      report({
        file,
        at: { path: ['stage'], anchor: 'value' },
        message: `The stage moved backwards, from ${from} (on ${base.ref}) to ${to}.`,
        hint: `Restore "stage: ${before.stage}". If the feature really is being pulled back from ${from}, agree it with Support and Growth first: the check stays red until a maintainer overrides it.`,
      });
    }
  },
});
