import { isKnownField } from '../../model/known-fields';
import type { SnapshotWarning } from '../../model/load-snapshot';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject, mapPath } from '../../rules/values';
import type { IacDocument, IacKind, IacResource } from '../assemble';
import { IacError } from '../iac-error';
import { openApiResources, type OpenApiOrigin } from '../openapi/openapi-resources';
import { positionsAlong, type SourcePath } from '../positions';
import type { PropertyPath } from '../property-path';
import type { Position } from '../source-map';
import { findDependencyCycle } from './dependencies';
import { IntrinsicResolver } from './intrinsics';
import { isLocalFileError, localPath, parseLocalFile } from './local-file';
import { NESTED_ID_SEPARATOR, NESTED_STACK_TYPES, NestedStacks, NestingTree, rootFrame, type ReadStack, type StackFrame } from './nested-stacks';
import { parseTemplate, type TemplateSource } from './template-source';

/** The resource types the scan reads, and the attribute `Fn::GetAtt` returns the id under. */
const TYPES: Record<string, { kind: IacKind; idAttribute: string }> = {
  'AWS::ApiGatewayV2::Api': { kind: 'api', idAttribute: 'ApiId' },
  'AWS::ApiGatewayV2::Integration': { kind: 'integration', idAttribute: 'IntegrationId' },
  'AWS::ApiGatewayV2::IntegrationResponse': { kind: 'integrationResponse', idAttribute: 'IntegrationResponseId' },
  'AWS::ApiGatewayV2::Route': { kind: 'route', idAttribute: 'RouteId' },
  'AWS::ApiGatewayV2::RouteResponse': { kind: 'routeResponse', idAttribute: 'RouteResponseId' },
  // SAM's HTTP API: read as an HTTP API so the integrations and routes declared beside it know
  // their protocol. The routes SAM generates from function events have only proxy integrations.
  'AWS::Serverless::HttpApi': { kind: 'api', idAttribute: 'ApiId' },
};

/** Properties that name the parent rather than describe the resource. */
const LINKS: Record<IacKind, { api?: string; parent?: string }> = {
  api: {},
  integration: { api: 'ApiId' },
  route: { api: 'ApiId' },
  integrationResponse: { api: 'ApiId', parent: 'IntegrationId' },
  routeResponse: { api: 'ApiId', parent: 'RouteId' },
};

/** Properties of type Json: CloudFormation takes either the object or its JSON text. */
const JSON_PROPERTIES = new Set(['RequestModels', 'RequestParameters', 'RequestTemplates', 'ResponseModels', 'ResponseParameters', 'ResponseTemplates', 'Tags']);

/** The only numeric property of these resources (everything else is a string, a boolean or a map). */
const NUMERIC_PROPERTIES = new Set(['TimeoutInMillis']);

/**
 * Reads a CloudFormation or SAM template (YAML or JSON; CDK's `*.template.json` too) into the
 * resources of the snapshot it would create. Other AWS::Serverless::* resources (functions,
 * REST APIs) are not API Gateway V2 configuration and are skipped; references to them are
 * unresolved values.
 */
export function readCloudFormation(text: string, file: string): IacDocument {
  return readTemplateSource(parseTemplate(text, file), file);
}

/**
 * The same, for a template already parsed (or put together, as from serverless.yml), with the
 * nested stacks it instantiates from local templates (see NestedStacks): their resources join
 * its own, and the files read as nested templates are listed so the scan does not read them
 * again on their own, without their parameters.
 */
export function readTemplateSource(source: TemplateSource, file: string): IacDocument {
  const tree = new NestingTree();
  const stack = readStack(source, file, rootFrame(file, tree));
  return { source: file, resources: stack.resources, warnings: stack.warnings, errors: stack.errors, nestedTemplates: tree.templates() };
}

/** One stack of the tree: the root template, or one instance of a nested template with its parent's parameters. */
function readStack(source: TemplateSource, file: string, frame: StackFrame): ReadStack {
  const template = source.value;
  if (!isPlainObject(template) || !isPlainObject(template['Resources'])) throw new IacError(file, 'not a CloudFormation template: it has no Resources section');
  const resources = template['Resources'];
  // The resources the scan reads, by logical id, found in one pass: a large stack has tens of
  // thousands of others, and the resolver asks about them again and again.
  const scanned = new Map<string, (typeof TYPES)[string]>();
  const stackIds: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = String((resource as Record<string, unknown> | undefined)?.['Type']);
    // Own keys only: `Type: constructor` is not a type the scan reads.
    if (Object.hasOwn(TYPES, type)) scanned.set(logicalId, TYPES[type]!);
    else if (Object.hasOwn(NESTED_STACK_TYPES, type) && isPlainObject(resource)) stackIds.push(logicalId);
  }
  const misnamed = stackIds.length > 0 || frame.prefix !== '' ? misnamedResources(scanned, stackIds, file, source) : [];
  const typeOf = (logicalId: string) => scanned.get(logicalId);
  // Only a cycle the scan's own resources (or the stacks it reads) are part of or depend on
  // keeps it from resolving them. It does not depend on parameters: once per nested template.
  if (!frame.tree.acyclic.has(template)) {
    const cycle = findDependencyCycle(resources, [...scanned.keys(), ...stackIds]);
    if (cycle !== undefined) {
      throw new IacError(file, `reference cycle between resources: ${cycle.join(' -> ')} (CloudFormation rejects the template: "Circular dependency between resources")`, source.positionOf(['Resources', cycle[0]!]));
    }
    frame.tree.acyclic.add(template);
  }
  const transform = template['Transform'];
  const exists = (logicalId: string): boolean => {
    const condition = (resources[logicalId] as Record<string, unknown>)['Condition'];
    // A resource whose condition cannot be evaluated may exist: it is read, so its mistakes are reported.
    return typeof condition !== 'string' || resolver.condition(condition, ['Resources', logicalId, 'Condition']) !== false;
  };
  const nested = new NestedStacks({ file, source, frame, resources, resolve: (value, path) => resolver.resolve(value, path), exists }, stackIds, readStack);
  const resolver: IntrinsicResolver = new IntrinsicResolver({
    file,
    parameters: objectOr(template['Parameters']),
    mappings: objectOr(template['Mappings']),
    conditions: objectOr(template['Conditions']),
    resources,
    positionOf: source.positionOf,
    refOf: (logicalId) => (typeOf(logicalId) === undefined ? undefined : `${frame.prefix}${logicalId}`),
    attributeOf: (logicalId, attribute) => (typeOf(logicalId)?.idAttribute === attribute ? `${frame.prefix}${logicalId}` : nested.attribute(logicalId, attribute)),
    ...(frame.givenParameter === undefined ? {} : { givenParameter: frame.givenParameter }),
    transformed: transform !== undefined && transform !== null,
  });
  const reader = new ResourceReader(file, frame.prefix, source, resolver);
  const documentResources: IacResource[] = [];
  for (const [logicalId, type] of scanned) {
    const resource = resources[logicalId];
    if (!isPlainObject(resource) || !exists(logicalId)) continue;
    for (const item of reader.read(logicalId, type.kind, resource, String(resource['Type']))) documentResources.push(item);
  }
  if (frame.prefix !== '') frame.tree.resources += documentResources.length;
  const warnings = reader.warnings;
  const errors = [...misnamed, ...reader.errors];
  // Loops, not push(...spread): a tree of stacks can hold any number of each.
  for (const stack of nested.all()) {
    for (const item of stack.resources) documentResources.push(item);
    for (const warning of stack.warnings) warnings.push(warning);
    for (const error of stack.errors) errors.push(error);
  }
  for (const error of nested.errors) errors.push(error);
  return { resources: documentResources, warnings, errors, output: (name) => outputOf(template['Outputs'], name, resolver) };
}

/**
 * In a tree of nested stacks, a resource is named by the logical ids on the way to it joined
 * with `.`, which CloudFormation never allows in a logical id (letters and digits only). A
 * template that has one anyway (`A.Route` beside the stack `A`, whose child has `Route`) would
 * make two resources one: such a resource is an error naming it, and is not read.
 */
function misnamedResources(scanned: Map<string, unknown>, stackIds: string[], file: string, source: TemplateSource): IacError[] {
  const errors: IacError[] = [];
  for (const logicalId of [...scanned.keys(), ...stackIds]) {
    if (!logicalId.includes(NESTED_ID_SEPARATOR)) continue;
    scanned.delete(logicalId);
    if (stackIds.includes(logicalId)) stackIds.splice(stackIds.indexOf(logicalId), 1);
    errors.push(new IacError(file, `Resources.${JSON.stringify(logicalId)}: a logical id with "${NESTED_ID_SEPARATOR}" is refused by CloudFormation (letters and digits only) and would be taken for a nested stack's resource, so it is not read; rename it`, source.positionOf(['Resources', logicalId])));
  }
  return errors;
}

/** The value of an output of a nested stack, as `!GetAtt Stack.Outputs.Name` in its parent sees it. */
function outputOf(outputs: unknown, name: string, resolver: IntrinsicResolver): unknown {
  const output = isPlainObject(outputs) && Object.hasOwn(outputs, name) ? outputs[name] : undefined;
  if (!isPlainObject(output)) return new Unresolved(`Outputs.${name} (the nested template has no such output)`);
  const condition = output['Condition'];
  if (typeof condition === 'string' && resolver.condition(condition, ['Outputs', name, 'Condition']) === false) return new Unresolved(`Outputs.${name} (its Condition is false, so the nested stack has no such output)`);
  return resolver.resolve(output['Value'], ['Outputs', name, 'Value']);
}

/** Where an API keeps its OpenAPI definition: in the template, or in a file (local, or in S3). */
const DEFINITIONS: Record<string, { inline: string; location: string }> = {
  'AWS::ApiGatewayV2::Api': { inline: 'Body', location: 'BodyS3Location' },
  'AWS::Serverless::HttpApi': { inline: 'DefinitionBody', location: 'DefinitionUri' },
};

class ResourceReader {
  readonly warnings: SnapshotWarning[] = [];
  /** What keeps the scan of this template from being complete: an API whose definition could not be read. */
  readonly errors: IacError[] = [];

  constructor(
    private readonly file: string,
    /** What the ids of a nested stack's resources start with (see StackFrame.prefix); "" in the root template. */
    private readonly prefix: string,
    private readonly source: TemplateSource,
    private readonly resolver: IntrinsicResolver,
  ) {}

  /** The resource, and for an API with an OpenAPI definition the routes and integrations it defines. */
  read(logicalId: string, kind: IacKind, resource: Record<string, unknown>, type: string): IacResource[] {
    const base: SourcePath = ['Resources', logicalId, 'Properties'];
    const resolved = this.resolver.resolve(resource['Properties'] ?? {}, base);
    const properties = isPlainObject(resolved) ? resolved : {};
    const fields: Record<string, unknown> = type === 'AWS::Serverless::HttpApi' ? { ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' } : {};
    const positions: [PropertyPath, Position][] = [];
    const links = LINKS[kind];
    for (const [name, raw] of Object.entries(properties)) {
      if (name === links.api || name === links.parent || !isKnownField(kind, name)) continue;
      const value = this.convert(logicalId, kind, name, raw);
      fields[name] = value;
      if (kind === 'integration' && name === 'ResponseParameters' && value !== raw) this.cfnResponseParameterPositions(raw, [...base, name], positions);
      else positionsAlong(value, [name], [...base, name], this.source.positionOf, positions);
    }
    const linkName = links.parent ?? links.api;
    const position = this.source.positionOf(['Resources', logicalId]) ?? { line: 1, column: 1 };
    const written = isPlainObject(resource['Properties']) ? resource['Properties'] : {};
    const defined = Object.hasOwn(DEFINITIONS, type) ? this.definition(logicalId, DEFINITIONS[type]!, properties, written, position) : undefined;
    if (defined !== undefined) Object.assign(fields, defined.apiFields);
    const own: IacResource = {
      kind,
      id: `${this.prefix}${logicalId}`,
      file: this.file,
      position,
      fields,
      ...(links.api === undefined ? {} : { apiId: properties[links.api] }),
      ...(links.parent === undefined ? {} : { parentId: properties[links.parent] }),
      ...optionalPosition(linkName === undefined ? undefined : this.source.positionOf([...base, linkName])),
      properties: positions,
    };
    return [own, ...(defined?.resources ?? [])];
  }

  /**
   * The routes and integrations an API's OpenAPI definition creates: written in the template,
   * or in a local file that `aws cloudformation package` / `sam package` would upload, or that an
   * `AWS::Include` transform names (resolved from the template's folder, and only inside the
   * working directory). A definition in S3, or one that cannot be read, is an error for the
   * template: the API's routes are not audited.
   */
  private definition(
    logicalId: string,
    names: { inline: string; location: string },
    properties: Record<string, unknown>,
    written: Record<string, unknown>,
    fallback: Position,
  ): ReturnType<typeof openApiResources> | undefined {
    const inline = properties[names.inline];
    const included = includedLocation(written[names.inline]);
    if (included !== undefined) return this.definitionFile(logicalId, names.inline, included, true);
    if (inline !== undefined) {
      const body = typeof inline === 'string' ? parseJson(inline) : inline;
      if (isUnresolved(body) || body === undefined) return this.unreadDefinition(logicalId, names.inline, isUnresolved(body) ? body.reason : 'not an OpenAPI object or JSON text');
      const base = ['Resources', logicalId, 'Properties', names.inline];
      return openApiResources(body, { apiId: `${this.prefix}${logicalId}`, file: this.file, positionOf: (path) => this.source.positionOf([...base, ...path]), fallback });
    }
    const location = properties[names.location];
    return location === undefined ? undefined : this.definitionFile(logicalId, names.location, location, false);
  }

  /**
   * A definition in a file: read when it is a local path inside the working directory. Only an
   * included file (`AWS::Include`) has its intrinsic functions evaluated, as CloudFormation does;
   * a file that is uploaded (`BodyS3Location`, `DefinitionUri`) is taken as written.
   */
  private definitionFile(logicalId: string, property: string, location: unknown, included: boolean): ReturnType<typeof openApiResources> | undefined {
    if (typeof location !== 'string' || /^s3:\/\//.test(location)) {
      return this.unreadDefinition(logicalId, property, `the definition is in S3 or not named by a path (${isUnresolved(location) ? location.reason : JSON.stringify(location)}), which the scan does not read`);
    }
    try {
      const { file, source } = parseLocalFile(localPath(this.file, location));
      // An error in an included file's intrinsic functions points at the property that includes it.
      const definition = included ? this.resolver.resolve(source.value, ['Resources', logicalId, 'Properties', property]) : source.value;
      return openApiResources(definition, { apiId: `${this.prefix}${logicalId}`, file, positionOf: source.positionOf, fallback: source.positionOf([]) ?? { line: 1, column: 1 } } satisfies OpenApiOrigin);
    } catch (error) {
      if (!isLocalFileError(error)) throw error;
      return this.unreadDefinition(logicalId, property, error.message);
    }
  }

  private unreadDefinition(logicalId: string, property: string, reason: string): undefined {
    const at = this.source.positionOf(['Resources', logicalId, 'Properties', property]);
    this.errors.push(new IacError(this.file, `the OpenAPI definition of ${this.prefix}${logicalId} (${property}) is not read, so its routes and integrations are not audited: ${reason}`, at));
    return undefined;
  }

  private convert(logicalId: string, kind: IacKind, name: string, value: unknown): unknown {
    if (JSON_PROPERTIES.has(name) && typeof value === 'string') {
      try {
        return this.convert(logicalId, kind, name, JSON.parse(value));
      } catch {
        return value;
      }
    }
    if (NUMERIC_PROPERTIES.has(name) && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
    if (name === 'CorsConfiguration' && isPlainObject(value) && typeof value['MaxAge'] === 'string') return { ...value, MaxAge: Number(value['MaxAge']) };
    if (kind === 'integration' && name === 'ResponseParameters' && isPlainObject(value)) return this.httpResponseParameters(logicalId, value);
    return value;
  }

  /**
   * CloudFormation writes an HTTP API's response mappings as
   * `{"403": {"ResponseParameters": [{"Destination": "overwrite:statuscode", "Source": "401"}]}}`;
   * the API (and the rules) know `{"403": {"overwrite:statuscode": "401"}}`. A status entry
   * already in the API's flat shape is kept as written, with a warning: CloudFormation refuses
   * it ("Encountered unsupported properties").
   */
  private httpResponseParameters(logicalId: string, value: Record<string, unknown>): Record<string, unknown> {
    const converted: Record<string, unknown> = {};
    for (const [status, entry] of Object.entries(value)) {
      const list = isPlainObject(entry) ? entry['ResponseParameters'] : undefined;
      if (!Array.isArray(list)) {
        if (isPlainObject(entry)) this.warn(logicalId, mapPath('ResponseParameters', status), 'is written in the API\'s shape; CloudFormation expects {"ResponseParameters": [{"Destination": ..., "Source": ...}]} here and refuses the template');
        converted[status] = entry;
        continue;
      }
      const mappings: Record<string, unknown> = {};
      for (const item of list) {
        const destination = isPlainObject(item) ? item['Destination'] : undefined;
        if (isUnresolved(destination)) {
          // The key of the mapping is unknown, so none of this status code's mappings can be judged.
          converted[status] = new Unresolved(`the Destination of a ResponseParameters["${status}"] mapping: ${destination.reason}`);
          break;
        }
        if (typeof destination === 'string' && isPlainObject(item)) mappings[destination] = item['Source'];
      }
      converted[status] ??= mappings;
    }
    return converted;
  }

  /** Positions for the converted shape: a mapping points at its `- Destination:` item. */
  private cfnResponseParameterPositions(raw: unknown, base: SourcePath, out: [PropertyPath, Position][]): void {
    const position = this.source.positionOf(base);
    if (position !== undefined) out.push([['ResponseParameters'], position]);
    for (const [status, entry] of Object.entries(isPlainObject(raw) ? raw : {})) {
      const list = isPlainObject(entry) ? entry['ResponseParameters'] : undefined;
      if (!Array.isArray(list)) {
        positionsAlong(entry, ['ResponseParameters', status], [...base, status], this.source.positionOf, out);
        continue;
      }
      const statusPosition = this.source.positionOf([...base, status]);
      if (statusPosition !== undefined) out.push([['ResponseParameters', status], statusPosition]);
      list.forEach((item, index) => {
        const itemPosition = this.source.positionOf([...base, status, 'ResponseParameters', index]);
        const destination = isPlainObject(item) ? item['Destination'] : undefined;
        if (typeof destination === 'string' && itemPosition !== undefined) out.push([['ResponseParameters', status, destination], itemPosition]);
      });
    }
  }

  private warn(logicalId: string, path: string, message: string): void {
    this.warnings.push({ file: this.file, path: `Resources.${logicalId}.Properties.${path}`, message });
  }
}

/** The Location of `{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": ...}}}`, as written. */
function includedLocation(written: unknown): unknown {
  const transform = isPlainObject(written) ? written['Fn::Transform'] : undefined;
  if (!isPlainObject(transform) || transform['Name'] !== 'AWS::Include') return undefined;
  const parameters = transform['Parameters'];
  return isPlainObject(parameters) ? (parameters['Location'] ?? null) : null;
}

/** A definition written as JSON text; undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function objectOr(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

function optionalPosition(position: Position | undefined): { linkPosition?: Position } {
  return position === undefined ? {} : { linkPosition: position };
}
