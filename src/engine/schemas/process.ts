import { z } from 'zod';
import { slugId, oneLine } from './common.ts';

export const severitySetting = z.enum(['error', 'warning', 'off']);

const role = z.strictObject({
  id: slugId,
  name: oneLine,
  description: oneLine.optional(),
});

const checklistItem = z.strictObject({
  id: slugId,
  name: oneLine,
  phase: z.enum(['before-merge', 'before-launch', 'post-launch']).optional(),
  description: oneLine.optional(),
});

const stageRequirements = z.strictObject({
  /** Role ids that must each have approved entering the stage. */
  approvals: z.array(slugId).default([]),
  /** Checklist item ids that must be done on or before the entry date. */
  checklist: z.array(slugId).default([]),
  /** The feature must have a flag from this stage on. */
  flag: z.boolean().default(false),
  /** No open high-priority bug may remain when the stage is entered. */
  noOpenHighBugs: z.boolean().default(false),
  /** A ready self-service article (or `docs: none`). */
  docs: z.boolean().default(false),
  /** A customer-facing changelog entry. */
  changelog: z.boolean().default(false),
});

const stage = z.strictObject({
  id: slugId,
  name: oneLine,
  summary: oneLine,
  mandatory: z.boolean().default(false),
  requires: stageRequirements.default({
    approvals: [],
    checklist: [],
    flag: false,
    noOpenHighBugs: false,
    docs: false,
    changelog: false,
  }),
  /** Warn when a feature has sat in this stage longer than this many days. */
  staleAfterDays: z.int().positive().optional(),
  /** Who must act when a feature enters this stage (npm run announce): a role id, or `everyone` for the whole company. */
  announce: z.array(z.strictObject({ role: slugId, action: oneLine })).default([]),
});

/** Bugs live in GitHub Issues (`--online`): the repository, the label that marks a feature's bug, and the priority labels. */
const tracker = z.strictObject({
  github: z.string({ error: 'expected owner/repo' }).regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'expected owner/repo, e.g. acme/helpdesk' }),
  featureLabel: z
    .string({ error: 'expected a label with {id} in it' })
    .refine((label) => label.includes('{id}'), { error: 'must contain {id}, which is replaced by the feature id' })
    .default('feature:{id}'),
  priority: z.strictObject({ high: z.array(z.string().min(1)).min(1), low: z.array(z.string().min(1)).default([]) }),
});

/**
 * `content/process.yaml`: the release process as data. Cross-references
 * (roles, checklist items and stages named elsewhere in the file) are checked
 * here so that the rules can trust them.
 */
export const processSchema = z
  .strictObject({
    roles: z.array(role).min(1),
    checklist: z.array(checklistItem).default([]),
    stages: z.array(stage).min(1),
    soak: z.strictObject({ after: slugId, days: z.int().nonnegative() }).optional(),
    postLaunch: z.strictObject({ days: z.int().nonnegative(), checklist: z.array(slugId) }).optional(),
    /** The role a feature's owner must hold. */
    ownerRole: slugId.default('engineer'),
    /** The role whose queue lists features that still need their self-service article. */
    docsRole: slugId.default('docs'),
    rules: z.record(z.string(), severitySetting).default({}),
    /**
     * Who must review a change to process.yaml, team.yaml or suppressions.json
     * (person ids). check-pr reads them from the base branch, so a pull request
     * cannot name its own reviewers.
     */
    owners: z.array(slugId).default([]),
    tracker: tracker.optional(),
    /** Features may opt in to the public /roadmap/ (`roadmap: true`). */
    publicRoadmap: z.boolean().default(false),
    /** URL prefixes `handbook-link` treats as outside the content root (a handbook hosted elsewhere). */
    externalLinks: z.array(z.url()).default([]),
    /** Extra frontmatter keys handbook pages may carry (an adopted handbook's own), accepted and ignored. */
    handbook: z.strictObject({ extraKeys: z.array(z.string().min(1)).default([]) }).default({ extraKeys: [] }),
  })
  .superRefine((process, ctx) => {
    const roleIds = new Set(process.roles.map((r) => r.id));
    const itemIds = new Set(process.checklist.map((i) => i.id));
    const stageIds = new Set(process.stages.map((s) => s.id));
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [path, index, 'id'],
            message: `is a second entry with the id "${id}"`,
            // Read by zod-issues.ts: the finding is on the id, with its own fix.
            params: { anchor: 'value', hint: `Ids are unique: merge the two ${path} entries into one, or give this one its own id.` },
          });
        }
        seen.add(id);
      });
    };
    unique(process.roles.map((r) => r.id), 'roles');
    unique(process.checklist.map((i) => i.id), 'checklist');
    unique(process.stages.map((s) => s.id), 'stages');
    process.stages.forEach((s, index) => {
      s.requires.approvals.forEach((r, i) => {
        if (!roleIds.has(r))
          ctx.addIssue({ code: 'custom', path: ['stages', index, 'requires', 'approvals', i], message: `"${r}" is not a role in roles` });
      });
      s.announce.forEach((entry, i) => {
        if (entry.role !== 'everyone' && !roleIds.has(entry.role))
          ctx.addIssue({ code: 'custom', path: ['stages', index, 'announce', i, 'role'], message: `"${entry.role}" is not a role in roles (or "everyone")` });
      });
      s.requires.checklist.forEach((item, i) => {
        if (!itemIds.has(item))
          ctx.addIssue({ code: 'custom', path: ['stages', index, 'requires', 'checklist', i], message: `"${item}" is not an item in checklist` });
      });
    });
    if (!roleIds.has(process.docsRole))
      ctx.addIssue({ code: 'custom', path: ['docsRole'], message: `"${process.docsRole}" is not a role in roles` });
    if (!roleIds.has(process.ownerRole))
      ctx.addIssue({ code: 'custom', path: ['ownerRole'], message: `"${process.ownerRole}" is not a role in roles` });
    if (process.soak && !stageIds.has(process.soak.after))
      ctx.addIssue({ code: 'custom', path: ['soak', 'after'], message: `"${process.soak.after}" is not a stage in stages` });
    process.postLaunch?.checklist.forEach((item, i) => {
      if (!itemIds.has(item))
        ctx.addIssue({ code: 'custom', path: ['postLaunch', 'checklist', i], message: `"${item}" is not an item in checklist` });
    });
  });

export type Process = z.output<typeof processSchema>;
export type Stage = Process['stages'][number];
export type Role = Process['roles'][number];
export type ChecklistItem = Process['checklist'][number];
export type SeveritySetting = z.output<typeof severitySetting>;
