// `npm run lint:md`: Markdown style for the handbook and articles, and
// remark-validate-links for links between content files (relative .mdx links
// and their #headings). Site routes such as /features/ and /people/<id>/ are
// generated pages, which the validator's handbook-link rule checks instead
// (skip patterns are matched against the resolved absolute path).
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkValidateLinks from 'remark-validate-links';

export default {
  plugins: [remarkFrontmatter, remarkMdx, remarkPresetLintRecommended, [remarkValidateLinks, { repository: false, skipPathPatterns: [/\/(features|people)(\/[a-z0-9-]*)?\/?$/] }]],
};
