/**
 * The one schema per content type. The CLI's loader and Astro's content
 * collections both import them from here; there is no second copy.
 */
export { calendarDate, slugId, oneLine } from './common.ts';
export { processSchema, severitySetting } from './process.ts';
export type { Process, Stage, Role, ChecklistItem, SeveritySetting } from './process.ts';
export { teamSchema } from './team.ts';
export type { Team, Person } from './team.ts';
export { featureSchema, bugPriorities, changelogCategories } from './feature.ts';
export type { Feature, Approval, Bug, ChangelogEntry } from './feature.ts';
export { docSchema } from './doc.ts';
export type { Doc } from './doc.ts';
export { handbookSchema } from './handbook.ts';
export type { HandbookPage } from './handbook.ts';
