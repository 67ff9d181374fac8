import { defineFeatureRule } from '../rule.ts';

/**
 * `stage-date-order`: entry dates go backwards in stage order (a feature
 * entering Beta before it entered Internal Release).
 *
 * Each date is compared with the nearest earlier stage that has one, so one
 * wrong date is one finding.
 */
export default defineFeatureRule({
  id: 'stage-date-order',
  defaultSeverity: 'error',
  check({ file, data }, { content }, report) {
    let previous: { name: string; date: string } | undefined;
    for (const stage of content.stages) {
      const date = (data.dates as Record<string, string | undefined>)[stage.id];
      if (!date) continue;
      if (previous && date < previous.date) {
        report({
          rule: 'stage-date-order',
          file,
          at: { path: ['dates', stage.id] },
          message: `${stage.name} was entered on ${date}, before ${previous.name} (${previous.date}).`,
          hint: `Stages are entered in order: correct whichever of the two dates is wrong so that ${stage.id} is on or after ${previous.date}.`,
        });
      }
      previous = { name: stage.name, date };
    }
  },
});
