import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isCalendarDate, todayUtc } from '../../engine/dates.ts';

/**
 * What a site build needs to know, as the `shiplog()` integration's options,
 * validated once. The CLI passes them through SHIPLOG_* environment
 * variables (`settingsFromEnvironment`), which only the Astro config files
 * read; pages read them with `currentSettings()`.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const settingsSchema = z.strictObject({
  /** Which site this build makes. */
  site: z.enum(['internal', 'public']),
  /** The content root (absolute, or relative to the repository). */
  content: z.string().min(1).default('content').transform((root) => path.resolve(repositoryRoot, root)),
  /** The day date rules and pages treat as today. */
  today: z
    .string()
    .refine(isCalendarDate, { error: 'must be a real date written YYYY-MM-DD' })
    .default(() => todayUtc()),
  /** Where the repository is browsed and edited (edit links, commits). */
  repoUrl: z.url().default('https://github.com/acme/shiplog').transform((url) => url.replace(/\/$/, '')),
  internalUrl: z.url().default('https://handbook.example.internal'),
  publicUrl: z.url().default('https://changelog.example.com'),
  /** The repository that holds the content (git dates, edit links); this checkout by default. */
  repoRoot: z.string().default(repositoryRoot),
});

export type ShiplogSettings = z.output<typeof settingsSchema>;
export type ShiplogOptions = z.input<typeof settingsSchema>;

/** Validates the integration's options; a bad value stops the build with a one-line reason. */
export function parseSettings(options: ShiplogOptions): ShiplogSettings {
  const result = settingsSchema.safeParse(options);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
  throw new Error(`shiplog(): invalid options: ${problems.join('; ')}`);
}

/** The options the CLI passes to a site build in SHIPLOG_* variables. */
export function settingsFromEnvironment(site: ShiplogSettings['site'], env: NodeJS.ProcessEnv = process.env): ShiplogOptions {
  const set = <K extends string, V>(key: K, value: V | undefined) => (value === undefined || value === '' ? {} : { [key]: value });
  return {
    site,
    ...set('content', env.SHIPLOG_CONTENT),
    ...set('today', env.SHIPLOG_TODAY),
    ...set('repoUrl', env.SHIPLOG_REPO_URL),
    ...set('internalUrl', env.SHIPLOG_INTERNAL_URL),
    ...set('publicUrl', env.SHIPLOG_PUBLIC_URL),
  };
}

// Astro runs the config (which calls shiplog()) and the bundled pages in one
// process, but as two copies of our modules: a module-level variable set by
// one copy is invisible to the other. globalThis is shared by both.
const SETTINGS = Symbol.for('shiplog.settings');
type Shared = typeof globalThis & { [SETTINGS]?: ShiplogSettings };

/** Records the settings of the build this process is running (the integration calls it). */
export function useSettings(settings: ShiplogSettings): void {
  (globalThis as Shared)[SETTINGS] = settings;
}

/** The settings of the running build; pages and loaders read them here. */
export function currentSettings(): ShiplogSettings {
  const settings = (globalThis as Shared)[SETTINGS];
  if (!settings) throw new Error('shiplog(): no settings: the site must be built through the shiplog() integration (see astro.config.mjs)');
  return settings;
}
