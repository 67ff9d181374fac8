// `npm run lint:md`: Markdown style for the handbook and articles, and
// remark-validate-links for links between content files (relative .mdx links
// and their #headings). Site routes such as /features/ are generated pages,
// which the validator's handbook-link rule checks instead.
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkValidateLinks from 'remark-validate-links';

export default {
  plugins: [remarkFrontmatter, remarkMdx, remarkPresetLintRecommended, [remarkValidateLinks, { repository: false, skipPathPatterns: [/^\//] }]],
};
