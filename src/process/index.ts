/** The pure core: schemas, loading, rules, reporting. Nothing here imports Astro. */
export * from './schemas/index.ts';
export * from './dates.ts';
export type { Diagnostic, Finding, Severity } from './finding.ts';
export type { Content, ContentFile, Entry, FeatureEntry, DocEntry, HandbookEntry, IndexedStage } from './model.ts';
export { loadContent, UsageError, type LoadResult } from './load.ts';
export { validateRoot, validateLoaded, type ValidationResult, type ValidateOptions } from './validate.ts';
export * from './requirements.ts';
export { rules } from './rules/index.ts';
export { formatText } from './reporters/text.ts';
export { formatJson } from './reporters/json.ts';
export { formatGithub } from './reporters/github.ts';
