import { compareStages, pullRequestBase, stageName } from '../base.ts';
import { defineRule } from '../rule.ts';

/**
 * The base's stage order and names come from base.ts.
 */
export default defineRule({
  id: 'history-rewrite',
  defaultSeverity: 'error',
  docs: {
    summary: 'an entry date that exists on the base branch was changed or removed',
    rationale: "Entry dates are the feature's history; soak and stale warnings, approval deadlines and the " +
      "changelog's dates all count from them. Dates removed by moving the stage backwards are " +
      "`stage-backward`'s finding alone. Stages are ordered and named as the base's process.yaml has them: " +
      'a date under a stage id the pull request renamed is a removed date. A changed page that cannot be ' +
      "compared (its base version does not read under the base's process, or its HEAD version does not " +
      'load) is reported too, on its first line: history that cannot be checked is not passed as unchanged.',
  },
  check({ content, base }, report) {
    if (!base) return;
    const extras = pullRequestBase(base);
    for (const { id, file, data } of content.features) {
      const unreadable = extras?.unreadable.get(id);
      if (unreadable !== undefined) {
        report({
          file,
          message: `The version of this page on ${base.ref} could not be read (${unreadable}), so its entry dates, approvals and stage could not be compared with this pull request's.`,
          hint: `Compare them by hand (git diff ${base.ref}... -- ${file.source.displayPath}); once satisfied that no recorded history changed, a maintainer overrides the check.`,
        });
        continue;
      }
      const before = base.features.get(id);
      if (!before) continue;
      const movedBack = (compareStages(content, base, data.stage, before.stage) ?? 0) < 0;
      const now = data.dates as Record<string, string | undefined>;
      for (const [stageId, date] of Object.entries(before.dates as Record<string, string | undefined>)) {
        if (!date || now[stageId] === date) continue;
        const name = stageName(content, base, stageId);
        if (now[stageId] === undefined) {
          if (movedBack && (compareStages(content, base, stageId, data.stage) ?? 0) > 0) continue;
          const gone = content.stageById.has(stageId) ? '' : ` (this pull request's process.yaml has no stage "${stageId}")`;
          report({
            file,
            at: { path: ['dates', stageId] },
            message: `The ${name} entry date (${date} on ${base.ref}) was removed${gone}.`,
            hint: `Restore "${stageId}: ${date}" under "dates:": entry dates record history and are not edited.`,
          });
        } else {
          report({
            file,
            at: { path: ['dates', stageId], anchor: 'value' },
            message: `The ${name} entry date changed from ${date} (on ${base.ref}) to ${now[stageId]}.`,
            hint: `Restore "${stageId}: ${date}"; if the recorded date was wrong, fix it in a pull request of its own that says why.`,
          });
        }
      }
    }
    for (const { file, id, dates } of extras?.removed ?? []) {
      const recorded = Object.entries(dates).filter(([, date]) => date !== undefined);
      if (recorded.length === 0) continue;
      report({
        file,
        message: `The pull request deletes features/${id}.mdx, and its recorded entry dates with it (${recorded.map(([stage, date]) => `${stageName(content, base, stage)} ${date}`).join(', ')} on ${base.ref}).`,
        hint: 'Keep the page: move the feature to where it stands, or say in its body why it stopped. A page renamed and rewritten at once keeps its history when the new page has the same flag. If the feature must really go, a maintainer overrides the check.',
      });
    }
    for (const { file } of extras?.incomparable ?? []) {
      report({
        file,
        message: `This page's frontmatter does not load in this pull request, so its entry dates, approvals and stage could not be compared with the version on ${base.ref}.`,
        hint: 'Fix the frontmatter (see its other findings); check-pr then compares the page with its base version.',
      });
    }
  },
});
