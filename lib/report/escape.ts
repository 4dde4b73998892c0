/**
 * Values from the account or the scanned files (API names, route keys, paths, file names,
 * messages quoting them) as they may appear in a human-facing output: the text report and
 * the SNS digest. Anyone who can create an API chooses its name, so a newline could forge a
 * `== CRITICAL ==` section or a remediation line, and an ANSI or OSC escape could recolour or
 * retitle the reader's terminal. JSON escapes the C0 controls itself, and `escapeRawInJson`
 * the others for the JSON, SARIF, ASFF and OCSF reports.
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

/**
 * What JSON.stringify leaves raw though it acts on a terminal or changes how a line reads: DEL,
 * the C1 controls (a one-byte CSI is U+009B), the line and paragraph separators and the
 * bidirectional controls. JSON escapes only the C0 controls.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with those characters written as `\uXXXX` escapes: the same JSON value, and
 * nothing in a `--format json` or SARIF report acts on the terminal of whoever prints it. They
 * can only be inside strings (JSON's own syntax is ASCII), where an escape means the same.
 */
export function escapeRawInJson(json: string): string {
  return json.replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeChar(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const code = char.charCodeAt(0);
  return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}
