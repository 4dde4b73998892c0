import * as z from 'zod';
import { ConfigError } from '../config/audit-config';
import { suppressionKey, type SuppressionEntry } from './suppression-entry';
import { matchesRule, resourcePatternProblem, rulePatternProblem } from './suppression-pattern';

/** A rule as suppressions can name it. */
export interface KnownRule {
  id: string;
  name: string;
}

const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}${typeof issue.input === 'number' ? ' (quote it in YAML)' : ''}`) })
    .trim()
    .min(1, 'must not be empty');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: "2026-02-30" is refused rather than rolled over. */
function isCalendarDate(text: string): boolean {
  const parts = DATE.exec(text);
  if (parts === null) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const entrySchema = z.strictObject({
  rule: requiredText('a rule id, name or glob').refine((rule) => rulePatternProblem(rule) === undefined, { error: (issue) => rulePatternProblem(String(issue.input)) }),
  resource: requiredText('an id or an ARN pattern').refine((resource) => resourcePatternProblem(resource) === undefined, { error: (issue) => resourcePatternProblem(String(issue.input)) }),
  reason: requiredText('a sentence saying why the risk is accepted'),
  expires: requiredText('a date YYYY-MM-DD').refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD, e.g. 2026-12-31'),
  owner: requiredText('a name or an email address').optional(),
});

const fileSchema = z.strictObject(
  { suppressions: z.array(z.unknown(), { error: (issue) => (issue.input === undefined ? 'is required: the list of entries' : 'must be a list of entries') }) },
  { error: 'expected an object with a "suppressions" list' },
);

/**
 * Validates a parsed suppression document: `{ suppressions: [ {rule, resource, reason,
 * expires, owner?} ] }`, whether it was written in YAML or JSON. Every problem is reported at
 * once, each naming the entry by index and rule and the field, in one ConfigError; a document
 * with any bad entry suppresses nothing. `knownRules` lets a rule pattern that matches no rule
 * (a typo) fail here instead of quietly suppressing nothing. `origin` names the file.
 */
export function validateSuppressions(document: unknown, origin: string, knownRules: readonly KnownRule[]): SuppressionEntry[] {
  const file = fileSchema.safeParse(document);
  if (!file.success) throw problemsError(origin, file.error.issues.map(fileIssue));

  const problems: string[] = [];
  const entries: SuppressionEntry[] = [];
  const seen = new Map<string, number>();
  file.data.suppressions.forEach((raw, index) => {
    const where = entryLabel(index, raw);
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      for (const issue of entry.error.issues) problems.push(`${where}: ${entryIssue(issue)}`);
      return;
    }
    const { owner, ...fields } = entry.data;
    const parsed: SuppressionEntry = { index, ...fields, ...(owner === undefined ? {} : { owner }) };
    if (!knownRules.some((rule) => matchesRule(parsed.rule, rule.id, rule.name))) {
      problems.push(`${where}: rule: matches no rule (see \`apigw-audit rules\`)`);
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

/** One problem on the line that names the file; several as a list under it. */
function problemsError(origin: string, problems: readonly string[]): ConfigError {
  if (problems.length === 1) return new ConfigError(`${origin}: ${problems[0]}`);
  return new ConfigError(`${origin}: ${problems.length} problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/** `suppressions[2] (rule "IR004")`, or without the rule when the entry has none to show. */
function entryLabel(index: number, raw: unknown): string {
  const rule = typeof raw === 'object' && raw !== null && 'rule' in raw ? raw.rule : undefined;
  return typeof rule === 'string' ? `suppressions[${index}] (rule "${rule}")` : `suppressions[${index}]`;
}

function entryIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (fields: rule, resource, reason, expires, owner)`;
  if (issue.path.length === 0) return 'must be an object {rule, resource, reason, expires, owner?}';
  return `${issue.path.map(String).join('.')}: ${issue.message}`;
}

function fileIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown top-level field ${issue.keys.map((key) => `"${key}"`).join(', ')} (only "suppressions")`;
  return issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`;
}
