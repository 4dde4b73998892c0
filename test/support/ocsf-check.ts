import schema from '../fixtures/ocsf/detection-finding-1.8.0.json';

type ObjectName = keyof typeof schema.objects;

/** Where each nested object of a Detection Finding is, and which OCSF object it must be. */
const NESTED: readonly [string, ObjectName][] = [
  ['metadata', 'metadata'],
  ['metadata.product', 'product'],
  ['finding_info', 'finding_info'],
  ['finding_info.analytic', 'analytic'],
  ['remediation', 'remediation'],
  ['cloud', 'cloud'],
  ['cloud.account', 'account'],
  ['resources[]', 'resource_details'],
];

/**
 * Checks an event against OCSF 1.8.0's Detection Finding as ocsf/ocsf-schema defines it (the
 * field lists in test/fixtures/ocsf/detection-finding-1.8.0.json were read from that release):
 * every required attribute present, no attribute the class or object does not define, the
 * class and category ids, type_uid = class_uid * 100 + activity_id, and the enumerated ids.
 * Returns one message per problem; none for a valid event.
 */
export function ocsfProblems(event: Record<string, unknown>): string[] {
  const problems: string[] = [];
  checkObject(event, 'detection_finding', 'event', problems);
  for (const [path, name] of NESTED) for (const [at, value] of valuesAt(event, path)) checkObject(value, name, at, problems);
  if (event.class_uid !== schema.class_uid) problems.push(`class_uid: ${String(event.class_uid)}, must be ${schema.class_uid}`);
  if (event.category_uid !== schema.category_uid) problems.push(`category_uid: must be ${schema.category_uid}`);
  if (event.type_uid !== schema.class_uid * 100 + (event.activity_id as number)) problems.push('type_uid: must be class_uid * 100 + activity_id');
  const enumerated: [string, unknown, number[]][] = [
    ['activity_id', event.activity_id, schema.enums.activity_id],
    ['status_id', event.status_id, schema.enums.status_id],
    ['severity_id', event.severity_id, schema.enums.severity_id],
    ['finding_info.analytic.type_id', valuesAt(event, 'finding_info.analytic')[0]?.[1].type_id, schema.enums['analytic.type_id']],
  ];
  for (const [path, value, allowed] of enumerated) if (value !== undefined && !allowed.includes(value as number)) problems.push(`${path}: ${String(value)} is not one of ${allowed.join(', ')}`);
  if (!Number.isInteger(event.time)) problems.push('time: must be a timestamp in milliseconds');
  if ((event.metadata as { version?: unknown } | undefined)?.version !== schema.version) problems.push(`metadata.version: must be ${schema.version}`);
  return problems;
}

function checkObject(value: unknown, name: ObjectName, path: string, problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return void problems.push(`${path}: must be an object (${name})`);
  const { required, attributes } = schema.objects[name];
  for (const attribute of required) if ((value as Record<string, unknown>)[attribute] === undefined) problems.push(`${path}.${attribute}: required by ${name}`);
  for (const key of Object.keys(value)) if (!attributes.includes(key)) problems.push(`${path}.${key}: not an attribute of ${name}`);
}

/** The values at a dotted path, `[]` stepping into each item of a list. */
function valuesAt(root: Record<string, unknown>, path: string): [string, Record<string, unknown>][] {
  let found: [string, unknown][] = [['event', root]];
  for (const step of path.split('.')) {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    found = found.flatMap(([at, value]) => {
      const next = (value as Record<string, unknown>)[key];
      if (next === undefined) return [];
      return list && Array.isArray(next) ? next.map((item, index): [string, unknown] => [`${at}.${key}[${index}]`, item]) : [[`${at}.${key}`, next] as [string, unknown]];
    });
  }
  return found as [string, Record<string, unknown>][];
}
