/**
 * Values from the account or the scanned files (API names, route keys, paths, file names,
 * messages quoting them) as they may appear in a human-facing output: the text report and
 * the SNS digest. Anyone who can create an API chooses its name, so a newline could forge a
 * `== CRITICAL ==` section or a remediation line, and an ANSI or OSC escape could recolour or
 * retitle the reader's terminal. JSON and SARIF escape by themselves.
 */

/**
 * C0 controls (newline, carriage return, tab, ESC...), DEL, C1 controls (CSI and OSC have
 * one-byte forms there), the Unicode line and paragraph separators, and the bidirectional
 * overrides and isolates that can make a line read differently from what it holds.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** How long a name may be in a human-facing line before it is cut with an ellipsis. */
export const MAX_NAME_CHARS = 80;

/**
 * The text on one line, every unsafe character written out as a visible escape (`\n`, `\x1b`,
 * `\u202e`): the reader sees that the value held it, and nothing in it acts on the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * A message of several lines (a list of problems under the line that names a file) with every
 * unsafe character but its line breaks written out, as oneLine does for each line.
 */
export function visibleLines(text: string): string {
  return text.split('\n').map(oneLine).join('\n');
}

/** A name (API, route key, file) on one line, cut to `max` characters with an ellipsis. */
export function shortName(text: string, max = MAX_NAME_CHARS): string {
  const safe = oneLine(text);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

function escapeChar(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const code = char.charCodeAt(0);
  return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}
