/**
 * Text that came from a content file (a key name, a value, a path) may hold
 * any character. Printed raw, a line feed in a key starts a new output line,
 * which a CI log reads as its own: `::warning file=x::` there is a GitHub
 * Actions workflow command. An escape sequence can repaint a terminal, and
 * bidirectional controls can make a line read differently than it is. Every
 * reporter shows such characters as visible escapes instead.
 */

/**
 * C0 controls (line feed, carriage return, escape, ...), DEL, C1 controls
 * (including NEL, a line end to some readers), the Unicode line and
 * paragraph separators, and the bidirectional embedding, override and
 * isolate controls.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, less C0: JSON.stringify escapes those in strings, and its own layout uses line feeds. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  return SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` on one line, with every unsafe character written as `\n`, `\u001b` and so on. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * For JSON: JSON.stringify already escapes C0 controls, but leaves DEL, C1
 * controls, U+2028/U+2029 and the bidirectional controls raw. Escaping them
 * as `\uXXXX` keeps the document's value the same and its text safe to print.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
