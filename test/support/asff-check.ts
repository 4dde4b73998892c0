import { AwsSecurityFinding$ } from '@aws-sdk/client-securityhub';
import limits from '../fixtures/asff/limits.json';

/**
 * Checks a finding against ASFF as published: its structure against AwsSecurityFinding as the
 * Security Hub SDK's generated schema declares it (every member known, each of the right type,
 * the required ones present: the schema is generated from the service's own model), and the
 * limits and value lists of the API reference and the user guide (test/fixtures/asff/limits.json
 * names them). Returns one message per problem, with the JSON path; none for a valid finding.
 */
export function asffProblems(finding: unknown): string[] {
  const problems: string[] = [];
  checkShape(AwsSecurityFinding$, finding, 'finding', problems);
  if (problems.length > 0) return problems;
  checkLimits(finding as Record<string, unknown>, problems);
  return problems;
}

/**
 * The SDK's schema encoding (@smithy/core/schema): a structure is [3, namespace, name, traits,
 * memberNames, memberSchemas, requiredCount], a list [1, ns, name, traits, member], a map
 * [2, ns, name, traits, key, value]; members are numbers (0 string, 1 number, 2 boolean,
 * 64|0 a list of strings, 128|0 a map of strings) or thunks of one of those.
 */
type Schema = number | (() => Schema) | readonly unknown[];

function checkShape(schema: Schema, value: unknown, path: string, problems: string[]): void {
  const resolved = typeof schema === 'function' ? schema() : schema;
  if (typeof resolved === 'number') return checkSimple(resolved, value, path, problems);
  const [kind] = resolved as [number];
  if (kind === 3) {
    const [, , , , names, members, requiredCount = 0] = resolved as [number, string, string, number, string[], Schema[], number?];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void problems.push(`${path}: must be an object`);
    const record = value as Record<string, unknown>;
    for (const name of names.slice(0, requiredCount)) if (record[name] === undefined) problems.push(`${path}.${name}: required`);
    for (const [key, member] of Object.entries(record)) {
      // Absent, as JSON would leave it.
      if (member === undefined) continue;
      const at = names.indexOf(key);
      if (at < 0) problems.push(`${path}.${key}: not an ASFF field`);
      else checkShape(members[at]!, member, `${path}.${key}`, problems);
    }
  } else if (kind === 1) {
    if (!Array.isArray(value)) return void problems.push(`${path}: must be a list`);
    value.forEach((item, index) => checkShape((resolved as Schema[])[4]!, item, `${path}[${index}]`, problems));
  } else if (kind === 2) {
    if (typeof value !== 'object' || value === null) return void problems.push(`${path}: must be a map`);
    for (const [key, item] of Object.entries(value)) checkShape((resolved as Schema[])[5]!, item, `${path}.${key}`, problems);
  }
}

function checkSimple(code: number, value: unknown, path: string, problems: string[]): void {
  if (code === 0 && typeof value !== 'string') problems.push(`${path}: must be a string`);
  else if (code === 1 && typeof value !== 'number') problems.push(`${path}: must be a number`);
  else if (code === 2 && typeof value !== 'boolean') problems.push(`${path}: must be a boolean`);
  else if (code === (64 | 0) && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) problems.push(`${path}: must be a list of strings`);
  else if (code === (128 | 0) && !(typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'string'))) problems.push(`${path}: must be a map of strings`);
}

function checkLimits(finding: Record<string, unknown>, problems: string[]): void {
  const text = (path: string, value: unknown): string => {
    if (typeof value === 'string') return value;
    problems.push(`${path}: missing`);
    return '';
  };
  const max = limits.maxLength;
  if (finding.SchemaVersion !== limits.schemaVersion) problems.push(`SchemaVersion: must be ${limits.schemaVersion}`);
  for (const field of ['Id', 'GeneratorId', 'Title', 'Description'] as const) {
    const value = text(field, finding[field]);
    if (value.length < 1 || value.length > max[field]) problems.push(`${field}: ${value.length} characters, must be 1 to ${max[field]}`);
  }
  if (!/^\d{12}$/.test(text('AwsAccountId', finding.AwsAccountId))) problems.push('AwsAccountId: must be 12 digits');
  const product = /^arn:aws(-cn|-us-gov)?:securityhub:([a-z0-9-]+):(\d{12}):product\/(\d{12})\/default$/.exec(text('ProductArn', finding.ProductArn));
  if (product === null || product[3] !== finding.AwsAccountId || product[4] !== finding.AwsAccountId) problems.push('ProductArn: must be the default product of the finding\'s account');
  for (const field of ['CreatedAt', 'UpdatedAt', 'FirstObservedAt', 'LastObservedAt']) {
    const value = finding[field];
    if (value !== undefined && (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value))) problems.push(`${field}: must be an RFC 3339 UTC time`);
  }
  const taxonomy = limits.typeTaxonomy as Record<string, string[]>;
  for (const type of finding.Types as string[]) {
    const [namespace = '', category, classifier, ...rest] = type.split('/');
    if (!(namespace in taxonomy) || (category !== undefined && !taxonomy[namespace]!.includes(category)) || rest.length > 0 || classifier === '') problems.push(`Types: "${type}" is not namespace/category/classifier of the ASFF taxonomy`);
  }
  const severity = finding.Severity as { Label?: string; Normalized?: number };
  const range = (limits.normalizedRanges as Record<string, number[]>)[severity.Label ?? ''];
  if (range === undefined) problems.push(`Severity.Label: "${severity.Label}" is not one of ${limits.severityLabels.join(', ')}`);
  else if (severity.Normalized !== undefined && (severity.Normalized < range[0]! || severity.Normalized > range[1]!)) problems.push(`Severity.Normalized: ${severity.Normalized} is outside ${severity.Label}'s ${range[0]}-${range[1]}`);
  const recommendation = (finding.Remediation as { Recommendation?: { Text?: string } } | undefined)?.Recommendation?.Text ?? '';
  if (recommendation.length > max['Remediation.Recommendation.Text']) problems.push('Remediation.Recommendation.Text: too long');
  const fields = Object.entries((finding.ProductFields ?? {}) as Record<string, string>);
  if (fields.length > limits.maxProductFields) problems.push('ProductFields: too many');
  for (const [key, value] of fields) if (key.length > max['ProductFields key'] || value.length > max['ProductFields value']) problems.push(`ProductFields.${key}: too long`);
  const resources = finding.Resources as unknown[];
  if (resources.length < 1 || resources.length > limits.maxResources) problems.push(`Resources: ${resources.length}, must be 1 to ${limits.maxResources}`);
  if (finding.RecordState !== undefined && !limits.recordStates.includes(finding.RecordState as string)) problems.push('RecordState: not ACTIVE or ARCHIVED');
}
