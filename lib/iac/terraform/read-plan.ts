import { Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import type { IacDocument, IacResource } from '../assemble';
import { parseTemplate } from '../cloudformation/template-source';
import { IacError } from '../iac-error';
import type { SourcePath } from '../positions';
import { TERRAFORM_TYPES, terraformResource } from './attributes';

interface PlannedResource {
  address: string;
  type: string;
  values: Record<string, unknown>;
  /** The resource's JSON path in the plan file. */
  path: SourcePath;
}

/** Is this parsed JSON the output of `terraform show -json` for a plan? */
function isTerraformPlan(json: unknown): boolean {
  return isPlainObject(json) && 'format_version' in json && ('planned_values' in json || 'resource_changes' in json);
}

/**
 * Reads a Terraform plan (`terraform show -json PLANFILE`): the resources' planned values,
 * with what the plan knows only after apply (`after_unknown`) as unresolved values. Resources
 * created in the same plan have no ids yet, so links (`api_id`, `integration_id`, `route_id`,
 * a route's `target`) are taken from the configuration's references (`aws_apigatewayv2_api.ws.id`);
 * existing resources are linked through their ids.
 */
export function readTerraformPlan(text: string, file: string): IacDocument {
  const source = parseTemplate(text, file);
  const plan = source.value;
  if (!isTerraformPlan(plan) || !isPlainObject(plan)) throw new IacError(file, 'not a Terraform plan in JSON (terraform show -json): no format_version and planned_values');
  const plannedValues = plan['planned_values'];
  const planned = plannedResources(isPlainObject(plannedValues) ? plannedValues['root_module'] : undefined, ['planned_values', 'root_module']);
  const unknown = new Map<string, unknown>();
  for (const change of asList(plan['resource_changes'])) {
    if (isPlainObject(change) && isPlainObject(change['change'])) unknown.set(String(change['address']), change['change']['after_unknown']);
  }
  const references = configurationReferences(isPlainObject(plan['configuration']) ? plan['configuration']['root_module'] : undefined, '');
  const addressById = new Map<string, string>();
  for (const resource of planned) if (TERRAFORM_TYPES[resource.type] !== undefined && typeof resource.values['id'] === 'string') addressById.set(resource.values['id'], resource.address);

  const link = (resource: PlannedResource, argument: string, value: unknown): unknown => {
    if (typeof value === 'string') return addressById.get(value) ?? value;
    const referenced = references.get(`${configAddress(resource.address)}\n${argument}`)?.find((reference) => reference.endsWith('.id'));
    if (referenced === undefined) return value;
    const target = referenced.slice(0, -'.id'.length);
    return planned.find((candidate) => configAddress(candidate.address) === target)?.address ?? value;
  };

  const resources: IacResource[] = [];
  for (const resource of planned) {
    const kind = TERRAFORM_TYPES[resource.type];
    if (kind === undefined) continue;
    const values = withUnknowns(resource.values, unknown.get(resource.address), resource.address);
    if (kind === 'route') values['target'] = routeTarget(values['target'], (id) => link(resource, 'target', id), addressById);
    resources.push(
      terraformResource({
        kind,
        address: resource.address,
        file,
        position: source.positionOf(resource.path) ?? { line: 1, column: 1 },
        values,
        positionOf: (valuePath) => source.positionOf([...resource.path, 'values', ...valuePath]),
        link: (argument, value) => link(resource, argument, value),
      }),
    );
  }
  return { source: file, resources, warnings: [] };
}

/** The managed resources of a module of `planned_values` and of its child modules (their addresses are full). */
function plannedResources(module: unknown, path: SourcePath): PlannedResource[] {
  if (!isPlainObject(module)) return [];
  const own = asList(module['resources']).flatMap((resource, index): PlannedResource[] =>
    isPlainObject(resource) && resource['mode'] !== 'data' && typeof resource['address'] === 'string' && isPlainObject(resource['values'])
      ? [{ address: resource['address'], type: String(resource['type']), values: resource['values'], path: [...path, 'resources', index] }]
      : [],
  );
  const children = asList(module['child_modules']).flatMap((child, index) => plannedResources(child, [...path, 'child_modules', index]));
  return [...own, ...children];
}

/** Attributes AWS computes for every resource; no rule reads them, so an unknown one is no loss worth counting. */
const COMPUTED = new Set(['id', 'arn', 'execution_arn', 'api_endpoint', 'tags_all']);

/** `after_unknown` marks what the plan will know only after apply; those values are unresolved. */
function withUnknowns(values: Record<string, unknown>, unknown: unknown, address: string): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...values };
  if (!isPlainObject(unknown)) return merged;
  for (const [name, marker] of Object.entries(unknown)) {
    if (marker === true && !COMPUTED.has(name)) merged[name] = new Unresolved(`${address}.${name} (known after apply)`);
  }
  return merged;
}

/** A route's target `integrations/ID`: with the integration's address instead of an id the plan knows. */
function routeTarget(target: unknown, linkUnknown: (value: unknown) => unknown, addressById: ReadonlyMap<string, string>): unknown {
  if (typeof target === 'string') {
    const id = /^integrations\/(.+)$/.exec(target)?.[1];
    return id === undefined ? target : `integrations/${addressById.get(id) ?? id}`;
  }
  const address = linkUnknown(target);
  return typeof address === 'string' ? `integrations/${address}` : target;
}

/** `references` of each argument in the configuration, keyed by "module-relative address\nargument". */
function configurationReferences(module: unknown, prefix: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (!isPlainObject(module)) return found;
  for (const resource of asList(module['resources'])) {
    if (!isPlainObject(resource) || !isPlainObject(resource['expressions'])) continue;
    for (const [argument, expression] of Object.entries(resource['expressions'])) {
      const references = isPlainObject(expression) ? asList(expression['references']).map(String) : [];
      found.set(`${prefix}${String(resource['address'])}\n${argument}`, references.map((reference) => `${prefix}${reference}`));
    }
  }
  for (const [name, call] of Object.entries(isPlainObject(module['module_calls']) ? module['module_calls'] : {})) {
    if (!isPlainObject(call)) continue;
    for (const [key, value] of configurationReferences(call['module'], `${prefix}module.${name}.`)) found.set(key, value);
  }
  return found;
}

/** A planned address without instance keys (`aws_x.y[0]` -> `aws_x.y`), as the configuration names it. */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
