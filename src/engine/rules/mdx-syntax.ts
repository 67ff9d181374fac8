import { codeProblems, pageElements } from '../body-code.ts';
import type { FindingLocation } from '../finding.ts';
import { mayHoldCode, MAX_BODY_CHARS, MAX_NESTING } from '../mdx-body.ts';
import type { ContentFile } from '../model.ts';
import type { PageBodies } from '../page-bodies.ts';
import { defineFeatureRule, type Report } from '../rule.ts';

export default defineFeatureRule({
  id: 'mdx-syntax',
  defaultSeverity: 'error',
  docs: {
    summary: "a page's MDX body does not compile (the compiler's message, at the body's line and column), is over " +
      '1,000,000 characters, or a handbook or feature body holds code (an import, an expression, a ' +
      'component)',
    rationale: 'The sites compile every body with satteri; `validate` parses every body with the same compiler, so a ' +
      "body that passes here compiles in the build, and the compiler's own message is shown at the body's " +
      'line and column. A handbook or feature body may also not hold code (imports, expressions, ' +
      'components): the sites give bodies nothing in scope, so `{customer.name}` compiles but fails when ' +
      'the page is built. (Code in an article is `article-code`, whose rules are stricter.) A body over the ' +
      'limit is not parsed at all: parsing memory grows with the body.',
  },
  check({ file }, { bodies }, report) {
    checkBody(file, bodies, report, true);
  },
  checkRest({ content, bodies }, report) {
    for (const { file } of content.handbook) checkBody(file, bodies, report, true);
    for (const { file } of content.docs) checkBody(file, bodies, report, false);
  },
});

const HINTS = {
  'too-large': `Split the page: a body may be at most ${MAX_BODY_CHARS.toLocaleString('en-US')} characters.`,
  'too-deep': `Flatten it: quotes, lists and elements may nest at most ${MAX_NESTING} levels (it is not parsed beyond that).`,
  syntax:
    'MDX is stricter than Markdown: close every tag (<br />, not <br>), write a literal "{" or "<" as "\\{" or "&lt;", and write comments as {/* ... */}.',
} as const;

function checkBody(file: ContentFile, bodies: PageBodies, report: Report, codeIsSyntax: boolean): void {
  const body = file.body;
  if (!body) return;
  const at = (offset: number): FindingLocation => ({ offset: body.offset + offset });
  const error = bodies.error(file);
  if (error) {
    report({
      file,
      at: at(error.offset),
      message: error.kind === 'syntax' ? `The MDX body does not compile: ${error.message}` : error.message,
      hint: HINTS[error.kind],
    });
    return;
  }
  if (!codeIsSyntax || !mayHoldCode(body.text)) return;
  const parsed = bodies.parse(file);
  if (!parsed?.ok) return;
  for (const problem of codeProblems(parsed.tree, pageElements)) {
    report({ file, at: at(problem.offset), message: problem.message, hint: problem.hint });
  }
}
