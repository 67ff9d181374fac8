import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/engine/load.ts';
import type { Content } from '../../src/engine/model.ts';
import { computeInsights, durations, insightsJson, median, monthsEnding, p90 } from '../../src/views/insights.ts';
import { fixturesDir } from '../helpers/repo.ts';

/**
 * The insights numbers on test/fixtures/insights/numbers, as of 2026-11-21,
 * worked out by hand from the feature pages below (cli.md's definitions:
 * days in S run from the entry into S to the entry into the next later stage
 * that has a date; medians of even counts are the mean of the two middle
 * values; p90 is the value at rank ceil(0.9 n)).
 *
 *   feature  team    stage        development  internal    beta        public      target
 *   alpha    web     public       2026-01-05   2026-03-01  2026-03-15  2026-05-01  2026-04-20 (11 days late)
 *   bravo    web     public       2026-02-01   2026-04-01  (skipped)   2026-06-10  2026-06-30 (on time)
 *   charlie  mobile  public       2026-03-02   2026-03-05  2026-03-08  2026-09-15  2026-09-01 (14 days late)
 *   delta    mobile  beta         2026-06-01   2026-07-01  2026-08-01  -           2026-11-01 (passed)
 *   echo     web     internal     2026-09-01   2026-11-01  -           -           2026-12-15
 *   foxtrot  web     development  2026-10-01   -           -           -           -
 *   golf     (none)  public       2026-07-01   (none)      2026-08-01  2026-10-10  -
 *   hotel    mobile  public       2025-10-01   2025-11-01  (skipped)   2025-12-20  2025-12-20 (on the day)
 *   india    web     public       2025-06-01   2025-07-01  (skipped)   2025-08-01  -
 */
const ASOF = '2026-11-21';
const root = path.join(fixturesDir, 'insights/numbers');

function load(): Content {
  const result = loadContent(root);
  if (!result.content) throw new Error('the insights fixture does not load');
  expect(result.content.features).toHaveLength(9);
  return result.content;
}
const content = load();

describe('median and p90', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([3, 14, 31])).toBe(14);
    expect(median([3, 14, 31, 49])).toBe(22.5);
    expect(median([])).toBeNull();
  });

  it('takes the value at rank ceil(0.9 n), exactly at whole ranks', () => {
    // n = 10: rank 9 (0.9 * 10 is 9.000000000000002 in floating point; a naive ceil gives 10).
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    // n = 11: rank ceil(9.9) = 10; n = 1: rank 1; n = 2: rank ceil(1.8) = 2.
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    expect(p90([7])).toBe(7);
    expect(p90([7, 9])).toBe(9);
    expect(p90([])).toBeNull();
  });

  it('sorts what it is given', () => {
    expect(durations([31, 3, 14])).toEqual({ count: 3, medianDays: 14, p90Days: 31 });
  });

  it('lists the twelve months ending with the month of asOf, across a year end', () => {
    expect(monthsEnding('2026-02-10')).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
  });
});

describe('insights of the whole fixture', () => {
  const json = insightsJson(computeInsights(content, { asOf: ASOF }));

  it('per stage: features that left it, median and p90 of their days in it', () => {
    // development, left at the next dated stage: alpha 55 (to internal), bravo 59, charlie 3, delta 30, echo 61,
    // golf 31 (to beta: it has no internal date), hotel 31, india 30; foxtrot is still in it.
    // Sorted 3 30 30 31 31 55 59 61: median (31 + 31) / 2 = 31; p90 rank ceil(7.2) = 8: 61.
    expect(json.stages.development).toEqual({ exited: 8, medianDays: 31, p90Days: 61 });
    // internal: alpha 14, bravo 70 (skipped beta: to public), charlie 3, delta 31, hotel 49 (to public), india 31; echo is still in it.
    // Sorted 3 14 31 31 49 70: median 31; p90 rank ceil(5.4) = 6: 70.
    expect(json.stages.internal).toEqual({ exited: 6, medianDays: 31, p90Days: 70 });
    // beta: alpha 47, charlie 191, golf 70; delta is still in it. Odd count: median 70; p90 rank ceil(2.7) = 3: 191.
    expect(json.stages.beta).toEqual({ exited: 3, medianDays: 70, p90Days: 191 });
    // Nothing comes after public.
    expect(json.stages.public).toEqual({ exited: 0, medianDays: null, p90Days: null });
  });

  it('lead times from development and from internal to public', () => {
    // development -> public: alpha 116, bravo 129, charlie 197, golf 101, hotel 80, india 61.
    // Sorted 61 80 101 116 129 197: median (101 + 116) / 2 = 108.5; p90 rank 6: 197.
    expect(json.leadTime.developmentToPublic).toEqual({ count: 6, medianDays: 108.5, p90Days: 197 });
    // internal -> public: alpha 61, bravo 70, charlie 194, hotel 49, india 31; golf has no internal date.
    // Sorted 31 49 61 70 194: median 61; p90 rank ceil(4.5) = 5: 194.
    expect(json.leadTime.internalToPublic).toEqual({ count: 5, medianDays: 61, p90Days: 194 });
  });

  it('throughput: public entries per month over the twelve months ending in November 2026', () => {
    // hotel 2025-12, alpha 2026-05, bravo 2026-06, charlie 2026-09, golf 2026-10; india (2025-08) is older.
    expect(json.throughput).toEqual([
      { month: '2025-12', count: 1 },
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 0 },
      { month: '2026-03', count: 0 },
      { month: '2026-04', count: 0 },
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 1 },
      { month: '2026-07', count: 0 },
      { month: '2026-08', count: 0 },
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 0 },
    ]);
  });

  it('work in progress now: foxtrot, echo and delta', () => {
    expect(json.wip).toEqual({ development: 1, internal: 1, beta: 1 });
  });

  it('soak: of the 6 features that left internal, charlie soaked 3 days, fewer than 7', () => {
    expect(json.soak).toEqual({ exited: 6, belowThreshold: 1 });
  });

  it('targets: alpha 11 and charlie 14 days late, bravo early, hotel on the day; delta past its target', () => {
    // Median slip of 11 and 14: 12.5. echo's target (2026-12-15) has not passed.
    expect(json.targets).toEqual({ publicWithTarget: 4, onTime: 2, medianSlipDays: 12.5, passedNotPublic: 1 });
  });

  it('has exactly the contract keys first, then the extras', () => {
    expect(Object.keys(json).slice(0, 7)).toEqual(['asOf', 'stages', 'leadTime', 'throughput', 'wip', 'soak', 'targets']);
    expect(json.asOf).toBe(ASOF);
    expect(json.since).toBeNull();
    expect(json.team).toBeNull();
  });

  it('ageing: every feature in progress against its stage limit, most over it first', () => {
    // delta: beta since 2026-08-01, 112 days, limit 60; echo: internal since 2026-11-01, 20 of 30; foxtrot: 51 of 90.
    expect(json.ageing).toEqual([
      { feature: 'delta', stage: 'beta', enteredOn: '2026-08-01', days: 112, limitDays: 60, over: true },
      { feature: 'echo', stage: 'internal', enteredOn: '2026-11-01', days: 20, limitDays: 30, over: false },
      { feature: 'foxtrot', stage: 'development', enteredOn: '2026-10-01', days: 51, limitDays: 90, over: false },
    ]);
  });

  it('work in progress week by week: 26 weeks, the last one ending on asOf', () => {
    expect(json.wipWeekly).toHaveLength(26);
    // 2026-11-21 minus 25 weeks: bravo was in internal (2026-04-01 to 2026-06-10), charlie in beta; delta started on 2026-06-01.
    expect(json.wipWeekly[0]).toEqual({ week: '2026-05-30', development: 0, internal: 1, beta: 1 });
    // One week later (2026-06-06): delta is in development.
    expect(json.wipWeekly[1]).toEqual({ week: '2026-06-06', development: 1, internal: 1, beta: 1 });
    expect(json.wipWeekly[25]).toEqual({ week: ASOF, ...json.wip });
  });
});

describe('--since', () => {
  const json = insightsJson(computeInsights(content, { asOf: ASOF, since: '2026-06-01' }));

  it('keeps, per stage, the features that left it on or after the date', () => {
    // development left on or after 2026-06-01: delta (07-01, 30), echo (11-01, 61), golf (08-01, 31).
    expect(json.stages.development).toEqual({ exited: 3, medianDays: 31, p90Days: 61 });
    // internal: bravo (06-10, 70), delta (08-01, 31): median (31 + 70) / 2 = 50.5; p90 rank ceil(1.8) = 2: 70.
    expect(json.stages.internal).toEqual({ exited: 2, medianDays: 50.5, p90Days: 70 });
    // beta: charlie (09-15, 191), golf (10-10, 70): median 130.5.
    expect(json.stages.beta).toEqual({ exited: 2, medianDays: 130.5, p90Days: 191 });
    expect(json.soak).toEqual({ exited: 2, belowThreshold: 0 });
  });

  it('keeps, for lead time, throughput and targets, the features that entered public on or after it', () => {
    // bravo (06-10), charlie (09-15), golf (10-10).
    expect(json.leadTime).toEqual({
      developmentToPublic: { count: 3, medianDays: 129, p90Days: 197 },
      internalToPublic: { count: 2, medianDays: 132, p90Days: 194 },
    });
    expect(json.throughput.filter((m) => m.count > 0)).toEqual([
      { month: '2026-06', count: 1 },
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 1 },
    ]);
    expect(json.targets).toEqual({ publicWithTarget: 2, onTime: 1, medianSlipDays: 14, passedNotPublic: 1 });
  });

  it('leaves what is in progress now alone', () => {
    expect(json.wip).toEqual({ development: 1, internal: 1, beta: 1 });
    expect(json.since).toBe('2026-06-01');
  });
});

describe('--team', () => {
  it("keeps one team's features", () => {
    // mobile: charlie, delta, hotel.
    const json = insightsJson(computeInsights(content, { asOf: ASOF, team: 'mobile' }));
    expect(json.stages.development).toEqual({ exited: 3, medianDays: 30, p90Days: 31 });
    expect(json.stages.internal).toEqual({ exited: 3, medianDays: 31, p90Days: 49 });
    expect(json.stages.beta).toEqual({ exited: 1, medianDays: 191, p90Days: 191 });
    expect(json.leadTime).toEqual({
      developmentToPublic: { count: 2, medianDays: 138.5, p90Days: 197 },
      internalToPublic: { count: 2, medianDays: 121.5, p90Days: 194 },
    });
    expect(json.throughput.filter((m) => m.count > 0)).toEqual([
      { month: '2025-12', count: 1 },
      { month: '2026-09', count: 1 },
    ]);
    expect(json.wip).toEqual({ development: 0, internal: 0, beta: 1 });
    expect(json.soak).toEqual({ exited: 3, belowThreshold: 1 });
    expect(json.targets).toEqual({ publicWithTarget: 2, onTime: 1, medianSlipDays: 14, passedNotPublic: 1 });
    expect(json.features).toBe(3);
    expect(json.team).toBe('mobile');
  });

  it('gives zeros and nulls for a team with no features', () => {
    const json = insightsJson(computeInsights(content, { asOf: ASOF, team: 'platform' }));
    expectNothing(json);
  });
});

type Json = ReturnType<typeof insightsJson>;
function expectNothing(json: Json): void {
  const none = { exited: 0, medianDays: null, p90Days: null };
  expect(json.stages).toEqual({ development: none, internal: none, beta: none, public: none });
  expect(json.leadTime).toEqual({ developmentToPublic: { count: 0, medianDays: null, p90Days: null }, internalToPublic: { count: 0, medianDays: null, p90Days: null } });
  expect(json.throughput).toHaveLength(12);
  expect(json.throughput.every((m) => m.count === 0)).toBe(true);
  expect(json.wip).toEqual({ development: 0, internal: 0, beta: 0 });
  expect(json.soak).toEqual({ exited: 0, belowThreshold: 0 });
  expect(json.targets).toEqual({ publicWithTarget: 0, onTime: 0, medianSlipDays: null, passedNotPublic: 0 });
  expect(json.ageing).toEqual([]);
  expect(json.wipWeekly.every((week) => JSON.stringify(week) === JSON.stringify({ week: week.week, development: 0, internal: 0, beta: 0 }))).toBe(true);
}

describe('an empty content root', () => {
  it('gives zeros and nulls, and nothing divides by zero', () => {
    expectNothing(insightsJson(computeInsights({ ...content, features: [] }, { asOf: ASOF })));
  });
});

describe('a feature whose current stage has no entry date', () => {
  it('is in progress, with no days in stage and not over any limit', () => {
    const echo = content.featureById.get('echo')!;
    const undated = { ...echo, data: { ...echo.data, dates: { development: '2026-09-01' } } };
    const json = insightsJson(computeInsights({ ...content, features: [undated] }, { asOf: ASOF }));
    expect(json.wip).toEqual({ development: 0, internal: 1, beta: 0 });
    expect(json.ageing).toEqual([{ feature: 'echo', stage: 'internal', enteredOn: null, days: null, limitDays: 30, over: false }]);
    // Its dates say it has been in development since 2026-09-01, so week by week that is where it counts.
    expect(json.wipWeekly[25]).toEqual({ week: ASOF, development: 1, internal: 0, beta: 0 });
  });
});
