import { defineConfig } from 'vitest/config';

/**
 * Projects, fastest first:
 * - `unit` (`npm run test:unit`): the engine, views, rules and the commands
 *   run in-process. No site build and no process per command: the quick loop.
 * - `property`: fast-check properties over many generated content roots.
 * - `smoke`: each npm script once as a real process (test/cli/smoke.test.ts).
 * - `site`: tests that build a site with Astro.
 * - `e2e` (`npm run test:e2e`): Chromium against the built sites.
 * `npm test` runs all but e2e (cli.md: "the whole test suite but the browser tests").
 */
const site = ['test/site/**/*.test.ts', 'test/public/build*.test.ts'];
const smoke = ['test/cli/smoke.test.ts'];
const property = ['test/property/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', ...site, ...smoke, ...property],
          testTimeout: 30_000,
          // The test files share the modules they import (the engine, the
          // commands) instead of loading them again per file; no test changes
          // module state, and the commands take their io and environment as
          // arguments.
          isolate: false,
        },
      },
      {
        test: {
          name: 'property',
          include: property,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'smoke',
          include: smoke,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: site,
          testTimeout: 30_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
