import { defineRule } from '../rule.ts';
import { stageIndex } from '../requirements.ts';

/**
 * `stage-backward` (pull requests): the feature's stage moved to an earlier
 * stage.
 *
 * Taking a feature back (say, out of Beta after a bad bug) is a real event,
 * but one to do on purpose with Support and Growth, not by accident in an
 * edit. Reported alone: the entry dates it removes are not also reported as
 * `history-rewrite`.
 */
export default defineRule({
  id: 'stage-backward',
  defaultSeverity: 'error',
  check({ content, base }, report) {
    if (!base) return;
    for (const { id, file, data } of content.features) {
      const before = base.features.get(id);
      if (!before || stageIndex(content, data.stage) >= stageIndex(content, before.stage)) continue;
      const from = content.stageById.get(before.stage)?.name ?? before.stage;
      const to = content.stageById.get(data.stage)!.name;
      report({
        rule: 'stage-backward',
        file,
        at: { path: ['stage'], anchor: 'value' },
        message: `The stage moved backwards, from ${from} (on ${base.ref}) to ${to}.`,
        hint: `Restore "stage: ${before.stage}". If the feature really is being pulled back from ${from}, agree it with Support and Growth first: the check stays red until a maintainer overrides it.`,
      });
    }
  },
});
