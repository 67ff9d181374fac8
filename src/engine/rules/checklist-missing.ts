import { defineFeatureRule } from '../rule.ts';
import { enteredStages } from '../requirements.ts';
import type { Feature, Process } from '../schemas/index.ts';
import { nearest } from '../suggest.ts';

export default defineFeatureRule({
  id: 'checklist-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'an entered stage needs a checklist item not done on or before its entry date',
    rationale: 'The checklist is the rollout practices: hallway tests, design, docs and analytics reviews, flag ' +
      'confirmed before Internal Release; analytics validated before Public Release. One mistake, one ' +
      "finding: an item whose key is misspelt (`hallway-test`) is `checklist-unknown`'s finding, and an " +
      "item dated after today is `date-in-future`'s.",
  },
  check({ file, data }, { content, today }, report) {
    for (const { stage, date } of enteredStages(content, data)) {
      for (const id of stage.requires.checklist) {
        const done = data.checklist[id];
        if (done && (done <= date || done > today)) continue;
        if (!done && misspeltItems(data, content.process).has(id)) continue;
        const name = content.process.checklist.find((item) => item.id === id)?.name ?? id;
        report(
          done
            ? {
                file,
                at: { path: ['checklist', id], anchor: 'value' },
                message: `Checklist item ${id} (${name}) was done on ${done}, after ${stage.name} was entered on ${date}.`,
                hint: `It must be done before entering ${stage.name}: correct the date if it was done on or before ${date}.`,
              }
            : {
                file,
                at: { path: Object.keys(data.checklist).length ? ['checklist'] : ['dates', stage.id] },
                message: `${stage.name} was entered on ${date} without checklist item ${id} (${name}).`,
                hint: `Do it and record "${id}: YYYY-MM-DD" under "checklist:", dated on or before ${date}.`,
              },
        );
      }
    }
  },
});

/**
 * The items the page seems to have done under a misspelt key (`hallway-test`
 * for `hallway-tests`). Worked out only for an item that is missing, which
 * valid pages never have.
 */
function misspeltItems(data: Feature, process: Process): Set<string> {
  const known = process.checklist.map((item) => item.id);
  return new Set(
    Object.keys(data.checklist)
      .filter((key) => !known.includes(key))
      .map((key) => nearest(key, known))
      .filter((id) => id !== undefined),
  );
}
