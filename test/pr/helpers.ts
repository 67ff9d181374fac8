// Kept for test/rules/process-changed.test.ts: the helpers live in test/helpers/repo.ts.
export { FIXTURE_TODAY, fixtureContent } from '../helpers/repo.ts';
