import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'approval-removed',
  defaultSeverity: 'error',
  docs: {
    summary: 'an approval that exists on the base branch was changed or removed',
    rationale: "A sign-off is a record of someone's decision; editing it in a pull request rewrites what they agreed " +
      'to.',
  },
  check({ content, base }, report) {
    if (!base) return;
    for (const { id, file, data } of content.features) {
      const before = base.features.get(id);
      if (!before) continue;
      const same = (a: { person: string; stage: string; date: string }, b: typeof a) => a.person === b.person && a.stage === b.stage && a.date === b.date;
      for (const approval of before.approvers) {
        if (data.approvers.some((now) => same(now, approval))) continue;
        const changed = data.approvers.findIndex((now) => now.person === approval.person && now.stage === approval.stage);
        report({
          file,
          at: changed >= 0 ? { path: ['approvers', changed], anchor: 'value' } : { path: ['approvers'] },
          message:
            changed >= 0
              ? `${approval.person}'s approval for ${approval.stage} (${approval.date} on ${base.ref}) was changed.`
              : `${approval.person}'s approval for ${approval.stage} (${approval.date} on ${base.ref}) was removed.`,
          hint: `Restore "- person: ${approval.person}, stage: ${approval.stage}, date: ${approval.date}" under "approvers:"; add new approvals beside it instead.`,
        });
      }
    }
  },
});
