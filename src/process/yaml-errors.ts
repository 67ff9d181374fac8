import type { Finding } from './finding.ts';
import type { ContentFile } from './model.ts';
import { yamlSyntaxErrors } from './positions.ts';

/**
 * Findings for frontmatter YAML that does not parse: where the mistake is,
 * and what to change. The fast reader (js-yaml) only says that it failed;
 * the \`yaml\` package's errors carry a code and an offset for each mistake.
 */

const FRONTMATTER = 'frontmatter';

const syntaxHints: Record<string, string> = {
  DUPLICATE_KEY: 'Keep one of the two entries with this key and delete the other.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BAD_INDENT: 'Line the key up with its siblings, using spaces.',
  MISSING_CHAR: 'Add the missing closing character (quote or bracket).',
  MULTILINE_IMPLICIT_KEY: 'Put the key and its ":" on one line, or quote a value that spans lines.',
  BLOCK_AS_IMPLICIT_KEY: 'If the value contains ": ", put it in quotes; otherwise check the indentation of the lines above.',
};

export function reportSyntaxErrors(file: ContentFile, findings: Finding[], fastReason: string): void {
  const yaml = file.yaml!;
  const errors = yamlSyntaxErrors(yaml.text);
  if (errors.length === 0) {
    // js-yaml refused what the yaml package accepts, typically a tag such as !!js/function: say why, at the block.
    const reason = fastReason.split('\n')[0]!.replace(/ \(\d+:\d+\)$/, '');
    const tag = /\btag\b/i.test(reason);
    findings.push({
      rule: FRONTMATTER,
      file,
      at: { offset: file.blockOffset },
      message: `The frontmatter is not readable YAML: ${reason}.`,
      hint: tag
        ? 'Remove the "!!" tag: frontmatter is plain data (text, numbers, dates, lists and keys), never code or custom types.'
        : 'Check quoting and indentation; values that contain ": " or start with a special character need quotes.',
    });
    return;
  }
  for (const error of errors) {
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    findings.push({
      rule: FRONTMATTER,
      file,
      at: { offset: yaml.offset + Math.min(error.pos[0], yaml.text.length) },
      message: `YAML syntax error: ${reason}`,
      hint: syntaxHints[error.code] ?? 'Check quoting and indentation; values that contain ": " or start with a special character need quotes.',
    });
  }
}
