import { describe, expect, it } from 'vitest';
import { changelogPlainText, renderChangelogText } from '../../src/views/changelog-text.ts';

describe('changelog entry text', () => {
  it('renders Markdown', () => {
    expect(renderChangelogText('Snooze with **one click** and `s`; see [the guide](https://example.com/guide).')).toBe(
      '<p>Snooze with <strong>one click</strong> and <code>s</code>; see <a href="https://example.com/guide">the guide</a>.</p>',
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderChangelogText('Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a>');
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('drops links and images with a dangerous protocol, keeping their text', () => {
    const html = renderChangelogText(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1) "t") [c](data:text/html,x) [d](vbscript:x) ![e](javascript:x) [ok](https://example.com)',
    );
    expect(html).toBe('<p>a b c d e <a href="https://example.com">ok</a></p>');
    expect(html.toLowerCase()).not.toMatch(/javascript:|data:|vbscript:/);
  });

  it('gives plain text for descriptions', () => {
    expect(changelogPlainText('**Bold** & <b>raw</b>\nsecond   line')).toBe('Bold & <b>raw</b> second line');
  });
});
