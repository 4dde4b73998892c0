import { partitionOf } from '../model/arn';

export interface LogsInsightsQuery {
  region: string;
  logGroup: string;
  query: string;
  start: Date;
  end: Date;
}

/** The console's host per partition. */
const CONSOLE_HOST: Record<string, (region: string) => string> = {
  aws: (region) => `${region}.console.aws.amazon.com`,
  'aws-cn': () => 'console.amazonaws.cn',
  'aws-us-gov': () => 'console.amazonaws-us-gov.com',
};

/**
 * A CloudWatch console link that opens Logs Insights with the query, the log group and an
 * absolute time range filled in. AWS documents no format for it; this follows what the
 * console itself produces (`#logsV2:logs-insights?queryDetail=...`): the query detail is an
 * object written as `~(key~value~...)`, strings prefixed with `'`, lists as `(~a~b)`; every
 * value is percent-encoded with `*` in place of `%`; the structure is then escaped, and the
 * whole fragment percent-encoded with `$` in place of `%`. If the console ever stops reading it, the
 * link still opens Logs Insights, and the digest carries the query text as well.
 */
export function logsInsightsLink({ region, logGroup, query, start, end }: LogsInsightsQuery): string {
  const detail = object([
    ['end', text(end.toISOString())],
    ['start', text(start.toISOString())],
    ['timeType', text('ABSOLUTE')],
    ['tz', text('UTC')],
    ['editorString', text(query)],
    ['isLiveTail', 'false'],
    ['source', list([text(logGroup)])],
  ]);
  // What JavaScript's escape() does to the structural characters, the only ones left to it.
  const escaped = detail.replace(/[~()']/g, (char) => `%${hex(char)}`);
  const fragment = encodeURIComponent(`?queryDetail=${escaped}`).replace(/%/g, '$');
  const host = (CONSOLE_HOST[partitionOf(region)] ?? CONSOLE_HOST.aws!)(region);
  return `https://${host}/cloudwatch/home?region=${region}#logsV2:logs-insights${fragment}`;
}

function object(entries: [string, string][]): string {
  return `~(${entries.map(([key, value]) => `${key}~${value}`).join('~')})`;
}

/** A list as a value inside the object; only the outermost value starts with its own `~`. */
function list(values: string[]): string {
  return `(${values.map((value) => `~${value}`).join('')})`;
}

/** A string value: every byte outside [A-Za-z0-9-.] as `*XX`, so `~ ( ) '` stay structural. */
function text(value: string): string {
  const encoded = [...Buffer.from(value, 'utf8')].map((byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9\-.]/.test(char) ? char : `*${hex(char)}`;
  });
  return `'${encoded.join('')}`;
}

/** Two upper-case hex digits of a single-byte character. */
function hex(char: string): string {
  return char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}
