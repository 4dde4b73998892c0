import { ConfigError } from '../config/audit-config';
import { didYouMean } from '../model/closest-name';
import { oneLine } from '../report/escape';
import { isRecord, unknownKeys } from '../model/input-problems';
import { suppressionKey, type SuppressionEntry } from './suppression-entry';
import { matchesRule, resourcePatternProblem, rulePatternProblem } from './suppression-pattern';

/** A rule as suppressions can name it. */
export interface KnownRule {
  id: string;
  name: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: "2026-02-30" is refused rather than rolled over. */
function isCalendarDate(text: string): boolean {
  const parts = DATE.exec(text);
  if (parts === null) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An entry's text fields in the order their problems are listed: what the field must be, and
 * the check of its trimmed text beyond "not empty", if any.
 */
const ENTRY_FIELDS = [
  { field: 'rule', what: 'a rule id, name or glob', problem: rulePatternProblem },
  { field: 'resource', what: 'an id or an ARN pattern', problem: resourcePatternProblem },
  { field: 'reason', what: 'a sentence saying why the risk is accepted' },
  { field: 'expires', what: 'a date YYYY-MM-DD', problem: (text: string) => (isCalendarDate(text) ? undefined : 'must be a calendar date written YYYY-MM-DD, e.g. 2026-12-31') },
  { field: 'owner', what: 'a name or an email address', optional: true },
] as const satisfies readonly { field: string; what: string; problem?: (text: string) => string | undefined; optional?: true }[];

type EntryFields = Omit<SuppressionEntry, 'index'>;

/** An entry's fields trimmed, or every problem it has (`field: message`), each field at a time. */
function readEntry(raw: unknown): { fields: EntryFields } | { problems: string[] } {
  if (!isRecord(raw)) return { problems: ['must be an object {rule, resource, reason, expires, owner?}'] };
  const problems: string[] = [];
  const fields: Record<string, string> = {};
  for (const spec of ENTRY_FIELDS) {
    const value = raw[spec.field];
    if (value === undefined) {
      if (!('optional' in spec)) problems.push(`${spec.field}: is required`);
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(`${spec.field}: must be ${spec.what}${typeof value === 'number' ? ' (quote it in YAML)' : ''}`);
      continue;
    }
    const text = value.trim();
    if (text === '') problems.push(`${spec.field}: must not be empty`);
    const problem = 'problem' in spec ? spec.problem(text) : undefined;
    if (problem !== undefined) problems.push(`${spec.field}: ${problem}`);
    fields[spec.field] = text;
  }
  const unknown = unknownKeys(raw, ENTRY_FIELDS.map((spec) => spec.field));
  if (unknown.length > 0) problems.push(`${unknownFields(unknown)} (fields: rule, resource, reason, expires, owner)`);
  // With no problem, every required field is set above.
  return problems.length > 0 ? { problems } : { fields: fields as unknown as EntryFields };
}

/** The document's problems outside its entries: not an object, no list, keys that are not "suppressions". */
function documentProblems(document: unknown): string[] {
  if (!isRecord(document)) return ['expected an object with a "suppressions" list'];
  const problems: string[] = [];
  if (document.suppressions === undefined) problems.push('suppressions: is required: the list of entries');
  else if (!Array.isArray(document.suppressions)) problems.push('suppressions: must be a list of entries');
  const unknown = unknownKeys(document, ['suppressions']);
  if (unknown.length > 0) problems.push(`${unknownFields(unknown, 'top-level ')} (only "suppressions")`);
  return problems;
}

/**
 * Validates a parsed suppression document: `{ suppressions: [ {rule, resource, reason,
 * expires, owner?} ] }`, whether it was written in YAML or JSON. Every problem is reported at
 * once, each naming the entry by index and rule and the field, in one ConfigError; a document
 * with any bad entry suppresses nothing. `knownRules` lets a rule pattern that matches no rule
 * (a typo) fail here instead of quietly suppressing nothing. `origin` names the file.
 */
export function validateSuppressions(document: unknown, origin: string, knownRules: readonly KnownRule[]): SuppressionEntry[] {
  const fileProblems = documentProblems(document);
  if (fileProblems.length > 0) throw problemsError(origin, fileProblems);
  // documentProblems found a list.
  const list = (document as { suppressions: unknown[] }).suppressions;

  const problems: string[] = [];
  const entries: SuppressionEntry[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const where = entryLabel(index, raw);
    const entry = readEntry(raw);
    if ('problems' in entry) {
      for (const problem of entry.problems) problems.push(`${where}: ${problem}`);
      return;
    }
    const parsed: SuppressionEntry = { index, ...entry.fields };
    if (!knownRules.some((rule) => matchesRule(parsed.rule, rule.id, rule.name))) {
      const names = knownRules.flatMap((rule) => [rule.id, rule.name]);
      problems.push(`${where}: rule: matches no rule${didYouMean(parsed.rule, names)} (see \`apigw-audit rules\`)`);
    }
    const key = suppressionKey(parsed);
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${where}: repeats suppressions[${first}] (same rule and resource); merge them`);
    else seen.set(key, index);
    entries.push(parsed);
  });
  if (problems.length > 0) throw problemsError(origin, problems);
  return entries;
}

/** `unknown field "x"`, or `unknown fields "x", "y"`. */
function unknownFields(keys: readonly string[], where = ''): string {
  return `unknown ${where}field${keys.length === 1 ? '' : 's'} ${keys.map((key) => `"${key}"`).join(', ')}`;
}

/**
 * One problem on the line that names the file; several as a list under it. A problem quotes
 * values from the file, so each is kept on its line (a newline in a value cannot start a
 * line of its own).
 */
function problemsError(origin: string, problems: readonly string[]): ConfigError {
  if (problems.length === 1) return new ConfigError(`${origin}: ${oneLine(problems[0] ?? '')}`);
  return new ConfigError(`${origin}: ${problems.length} problems:\n${problems.map((problem) => `  - ${oneLine(problem)}`).join('\n')}`);
}

/** `suppressions[2] (rule "IR004")`, or without the rule when the entry has none to show. */
function entryLabel(index: number, raw: unknown): string {
  const rule = typeof raw === 'object' && raw !== null && 'rule' in raw ? raw.rule : undefined;
  return typeof rule === 'string' ? `suppressions[${index}] (rule "${rule}")` : `suppressions[${index}]`;
}
