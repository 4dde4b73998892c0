import type { z } from 'zod';
import type { AuditError } from './finding';
import { isKnownField, KNOWN_FIELDS, suggestField, type ResourceKind } from './known-fields';
import { readTextFile, UnreadableFile } from './read-text-file';
import type { Snapshot } from './snapshot';
import { snapshotSchema } from './snapshot-schema';

/**
 * A snapshot file that cannot be read; the message names the file and the JSON path, unless
 * the problem is the whole file (`$`: it cannot be read, is empty, is not JSON).
 */
export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    readonly jsonPath: string,
    detail: string,
  ) {
    super(jsonPath === '$' ? `${file}: ${detail}` : `${file}: ${jsonPath}: ${detail}`);
    this.name = 'SnapshotError';
  }
}

/** A field the rules will not see because it is not one of the SDK's names. */
export interface SnapshotWarning {
  file: string;
  path: string;
  message: string;
}

export interface LoadedSnapshot {
  file: string;
  snapshot: Snapshot;
  warnings: SnapshotWarning[];
  /**
   * What the walk that wrote the file could not read (its `errors`): the file lacks those
   * APIs or resources, so an audit of it is incomplete.
   */
  errors: AuditError[];
}

export async function loadSnapshotFile(file: string): Promise<LoadedSnapshot> {
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new SnapshotError(file, '$', error.message);
    throw error;
  }
  return parseSnapshot(text, file);
}

/** Parses snapshot text; `file` is only used to name the source in messages. */
export function parseSnapshot(text: string, file: string): LoadedSnapshot {
  const json = parseJson(text, file);
  rejectForeignShapes(json, file);
  const result = snapshotSchema.safeParse(json);
  if (!result.success) throw schemaError(json, result.error, file);
  const { errors: walkErrors = [], ...snapshot } = result.data as Snapshot & z.infer<typeof snapshotSchema>;
  rejectDuplicateIds(snapshot, file);
  const errors = walkErrors.map(({ operation, apiId, arn, message }): AuditError => ({
    source: 'collector',
    message,
    ...(operation === undefined ? {} : { operation }),
    ...(apiId === undefined ? {} : { apiId }),
    ...(arn === undefined ? {} : { arn }),
    file,
  }));
  return { file, snapshot, warnings: unknownFieldWarnings(snapshot, file), errors };
}

/**
 * Two resources with one id would share ARNs and fingerprints, and their findings would
 * silently merge: the second occurrence is an error naming both. Ids are unique where AWS
 * makes them unique: APIs in the file, integrations and routes in their API, responses in
 * their integration or route.
 */
function rejectDuplicateIds(snapshot: Snapshot, file: string): void {
  const unique = <T>(items: readonly T[], idOf: (item: T) => string, idField: string, pathOf: (index: number) => (string | number)[]) => {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const id = idOf(item);
      const earlier = first.get(id);
      if (earlier !== undefined) throw new SnapshotError(file, jsonPath([...pathOf(index), idField]), `duplicate ${idField} ${JSON.stringify(id)}: ${jsonPath(pathOf(earlier))} has it too`);
      first.set(id, index);
    });
  };
  unique(snapshot.apis, (api) => api.ApiId, 'ApiId', (a) => ['apis', a]);
  snapshot.apis.forEach((api, a) => {
    unique(api.integrations, (integration) => integration.IntegrationId, 'IntegrationId', (i) => ['apis', a, 'integrations', i]);
    unique(api.routes, (route) => route.RouteId, 'RouteId', (r) => ['apis', a, 'routes', r]);
    api.integrations.forEach((integration, i) =>
      unique(integration.integrationResponses, (response) => response.IntegrationResponseId, 'IntegrationResponseId', (r) => ['apis', a, 'integrations', i, 'integrationResponses', r]),
    );
    api.routes.forEach((route, r) => unique(route.routeResponses, (response) => response.RouteResponseId, 'RouteResponseId', (rr) => ['apis', a, 'routes', r, 'routeResponses', rr]));
  });
}

/** Infrastructure code given where a snapshot belongs: the command that reads it. */
const USE_SCAN = `use \`apigw-audit scan FILE\` for infrastructure code`;

/** A YAML CloudFormation/SAM template or Terraform source: plainly not JSON, and plainly not a snapshot. */
const TEMPLATE_TEXT = /^\s*(AWSTemplateFormatVersion\s*:|Resources\s*:|Transform\s*:)|^\s*(resource|module|provider|terraform)\s+("|\{)/m;

/** The other input files of `audit`, given where a snapshot belongs: the option that reads each. */
const SUPPRESSION_FILE = 'this is a suppression file, not a snapshot: give it with `--suppressions FILE`';
const REPORT_FILE = 'this is a report of `apigw-audit audit --format json`, not a snapshot: give it with `--baseline FILE` to report only new findings';

/** A suppression file in YAML: its one top-level key. */
const SUPPRESSION_TEXT = /^suppressions\s*:/m;

function parseJson(text: string, file: string): unknown {
  if (text.trim() === '') throw new SnapshotError(file, '$', 'the file is empty; a snapshot is a JSON object with an "apis" list (see README, "Snapshot files")');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const head = text.slice(0, 65_536);
    if (TEMPLATE_TEXT.test(head)) throw new SnapshotError(file, '$', `this is a template or Terraform configuration, not a snapshot: ${USE_SCAN}`);
    if (SUPPRESSION_TEXT.test(head)) throw new SnapshotError(file, '$', SUPPRESSION_FILE);
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    if (position === undefined) throw new SnapshotError(file, '$', `not valid JSON: ${message}`);
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    throw new SnapshotError(file, '$', `not valid JSON at line ${line}, column ${column}: ${message}`);
  }
}

/** Common wrong inputs get a message that says what they are, not only what is missing. */
function rejectForeignShapes(json: unknown, file: string): void {
  if (Array.isArray(json)) {
    throw new SnapshotError(file, '$', 'expected an object with an "apis" list, found a list');
  }
  if (typeof json !== 'object' || json === null) {
    throw new SnapshotError(file, '$', `expected an object with an "apis" list, found ${json === null ? 'null' : typeof json}`);
  }
  if (!('apis' in json) && 'Items' in json) {
    throw new SnapshotError(file, '$.apis', 'missing; this looks like raw `aws apigatewayv2 get-*` output: put its Items under "apis" (see README, "Snapshot files")');
  }
  if (!('apis' in json) && ('AWSTemplateFormatVersion' in json || 'Resources' in json)) {
    throw new SnapshotError(file, '$.apis', `missing; this is a CloudFormation template, not a snapshot: ${USE_SCAN}`);
  }
  if (!('apis' in json) && 'planned_values' in json) {
    throw new SnapshotError(file, '$.apis', `missing; this is a Terraform plan, not a snapshot: ${USE_SCAN}`);
  }
  if (!('apis' in json) && 'suppressions' in json) throw new SnapshotError(file, '$.apis', `missing; ${SUPPRESSION_FILE}`);
  if (!('apis' in json) && 'findings' in json && 'summary' in json) throw new SnapshotError(file, '$.apis', `missing; ${REPORT_FILE}`);
}

function schemaError(json: unknown, error: z.ZodError, file: string): SnapshotError {
  const issue = error.issues[0];
  if (issue === undefined) return new SnapshotError(file, '$', 'does not fit the snapshot format');
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const field = path.at(-1);
  let detail = issue.code === 'invalid_type' && valueAt(json, path) === undefined ? 'is required' : issue.message;
  if (typeof field === 'string') {
    const parent = valueAt(json, path.slice(0, -1));
    const lookalike = parent && typeof parent === 'object' ? Object.keys(parent).find((key) => key !== field && key.toLowerCase().replace(/_/g, '') === field.toLowerCase()) : undefined;
    if (lookalike !== undefined) detail += ` (found "${lookalike}": snapshot fields are spelled as the AWS CLI prints them, e.g. "${field}")`;
  }
  return new SnapshotError(file, jsonPath(path), detail);
}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let value = json;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

export function jsonPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${text}.${part}` : `${text}[${JSON.stringify(part)}]`), '$');
}

function unknownFieldWarnings(snapshot: Snapshot, file: string): SnapshotWarning[] {
  const warnings: SnapshotWarning[] = [];
  const check = (kind: ResourceKind, resource: Record<string, unknown>, path: (string | number)[]) => {
    for (const key of Object.keys(resource)) {
      if (isKnownField(kind, key)) continue;
      const suggestion = suggestField(kind, key);
      warnings.push({
        file,
        path: jsonPath([...path, key]),
        message: suggestion
          ? `unknown field "${key}", did you mean "${suggestion}"? The rules do not read it as written`
          : `unknown field "${key}" for ${kindLabel[kind]} (known: ${KNOWN_FIELDS[kind].join(', ')}); the rules ignore it`,
      });
    }
  };
  snapshot.apis.forEach((api, a) => {
    check('api', api, ['apis', a]);
    api.integrations.forEach((integration, i) => {
      check('integration', integration, ['apis', a, 'integrations', i]);
      integration.integrationResponses.forEach((response, r) => check('integrationResponse', response, ['apis', a, 'integrations', i, 'integrationResponses', r]));
    });
    api.routes.forEach((route, r) => {
      check('route', route, ['apis', a, 'routes', r]);
      route.routeResponses.forEach((response, rr) => check('routeResponse', response, ['apis', a, 'routes', r, 'routeResponses', rr]));
    });
  });
  return warnings;
}

const kindLabel: Record<ResourceKind, string> = {
  api: 'an API',
  integration: 'an integration',
  integrationResponse: 'an integration response',
  route: 'a route',
  routeResponse: 'a route response',
};
