import type { Content } from '../model.ts';
import { defineFeatureRule } from '../rule.ts';

export interface OrderBreak {
  stage: { id: string; name: string; date: string };
  previous: { id: string; name: string; date: string };
}

/** Every place where a stage's entry date is before the nearest earlier dated stage's. */
export function orderBreaks(content: Content, dates: Readonly<Record<string, string | undefined>>): OrderBreak[] {
  const breaks: OrderBreak[] = [];
  let previous: OrderBreak['previous'] | undefined;
  for (const stage of content.stages) {
    const date = dates[stage.id];
    if (!date) continue;
    const current = { id: stage.id, name: stage.name, date };
    if (previous && date < previous.date) breaks.push({ stage: current, previous });
    previous = current;
  }
  return breaks;
}

/**
 * The stages whose entry dates this rule calls into doubt: both sides of
 * every break, since either of the two may be the wrong one. Rules that
 * judge something against those dates leave them to this rule's finding
 * (two swapped dates are one mistake, reported once).
 */
export function stagesOutOfOrder(content: Content, dates: Readonly<Record<string, string | undefined>>): Set<string> {
  const stages = new Set<string>();
  for (const { stage, previous } of orderBreaks(content, dates)) {
    stages.add(stage.id);
    stages.add(previous.id);
  }
  return stages;
}

export default defineFeatureRule({
  id: 'stage-date-order',
  defaultSeverity: 'error',
  docs: {
    summary: 'entry dates go backwards in stage order',
    rationale: 'A feature cannot enter Beta before it entered Internal Release; every deadline counted from the ' +
      'wrong date would be wrong too. Each date is compared with the nearest earlier stage that has one, so ' +
      'one wrong date is one finding.',
    examples: [
      { bad: 'dates:\n  internal: 2026-10-10\n  beta: 2026-10-05', good: 'dates:\n  internal: 2026-10-05\n  beta: 2026-10-10' },
    ],
  },
  check({ file, data }, { content }, report) {
    for (const { stage, previous } of orderBreaks(content, data.dates as Record<string, string | undefined>)) {
      report({
        file,
        at: { path: ['dates', stage.id] },
        message: `${stage.name} was entered on ${stage.date}, before ${previous.name} (${previous.date}).`,
        hint: `Stages are entered in order: correct whichever of the two dates is wrong so that ${stage.id} is on or after ${previous.date}.`,
      });
    }
  },
});
