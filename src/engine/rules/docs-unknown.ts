import { defineFeatureRule } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

/**
 * `docs-unknown`: a feature's `docs` names an article that does not exist
 * (at any stage), or an article's `feature` names a feature that does not
 * exist.
 *
 * The link between a feature and its article decides when the article is
 * published; a broken one would keep it unpublished forever.
 */
export default defineFeatureRule({
  id: 'docs-unknown',
  defaultSeverity: 'error',
  check({ file, data }, { content }, report) {
    if (!data.docs || data.docs === 'none' || content.docFileIds.has(data.docs)) return;
    report({
      rule: 'docs-unknown',
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
        rule: 'docs-unknown',
        file,
        at: { path: ['feature'], anchor: 'value' },
        message: `The article documents the feature "${data.feature}", which is not in content/features.`,
        hint: `${didYouMean(data.feature, content.featureFileIds)}Use the file name of a feature page (without .mdx), or remove "feature" for a general article.`,
      });
    }
  },
});
