import { defineFeatureRule } from '../rule.ts';
import { docsState, reachedStageRequiring } from '../requirements.ts';

export default defineFeatureRule({
  id: 'docs-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'the feature is public and `docs` is absent, or names a page that is not ready',
    rationale: 'Customers need the self-service article on the day the feature reaches them, and Support needs it to ' +
      'answer questions. `docs: none` says on purpose that no article is needed. A name that matches no ' +
      "article is `docs-unknown`'s finding, and an article whose own frontmatter is broken is the " +
      "`frontmatter` rule's (whether it is ready cannot be known).",
  },
  check({ file, data }, { content }, report) {
    if (!reachedStageRequiring(content, data, (stage) => stage.requires.docs)) return;
    const state = docsState(content, data);
    const stage = content.stageById.get(data.stage)!.name;
    if (state === 'missing') {
      report({
        file,
        at: { path: ['docs'] },
        message: `The feature is at ${stage} without a self-service article.`,
        hint: 'Add "docs: <article id>" naming a ready article in content/docs, or "docs: none" if customers need no article.',
      });
    } else if (state === 'draft' && content.docById.has(data.docs!)) {
      report({
        file,
        at: { path: ['docs'], anchor: 'value' },
        message: `The feature is at ${stage} but its article "${data.docs}" is not ready.`,
        hint: `Ask the docs writer to finish content/docs/${data.docs}.mdx and set "ready: true".`,
      });
    }
  },
});
