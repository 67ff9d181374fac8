import { defineFeatureRule } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

export default defineFeatureRule({
  id: 'docs-unknown',
  defaultSeverity: 'error',
  docs: {
    summary: '`docs` names a page that does not exist (any stage), or a docs page names an unknown feature',
    rationale: 'The link between a feature and its article decides when the article is published; a broken one would ' +
      'keep it unpublished forever.',
  },
  check({ file, data }, { content }, report) {
    if (!data.docs || data.docs === 'none' || content.docFileIds.has(data.docs)) return;
    report({
      file,
      at: { path: ['docs'], anchor: 'value' },
      message: `"docs" names the article "${data.docs}", which is not in content/docs.`,
      hint: `${didYouMean(data.docs, content.docFileIds)}Use the file name of an article in content/docs (without .mdx), or "none".`,
    });
  },
  checkRest({ content }, report) {
    for (const { file, data } of content.docs) {
      if (!data.feature || content.featureFileIds.has(data.feature)) continue;
      report({
        file,
        at: { path: ['feature'], anchor: 'value' },
        message: `The article documents the feature "${data.feature}", which is not in content/features.`,
        hint: `${didYouMean(data.feature, content.featureFileIds)}Use the file name of a feature page (without .mdx), or remove "feature" for a general article.`,
      });
    }
  },
});
