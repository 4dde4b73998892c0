import { isPlainObject, show } from '../../rules/values';
import { parseTemplate, type TemplateSource } from '../cloudformation/template-source';
import { IacError } from '../iac-error';
import type { SourcePath } from '../positions';
import { withDefinitionIncludes } from './definition-include';
import { frameworkMerge } from './framework-merge';
import { holdsVariable, withVariablesUnresolved } from './framework-variables';
import { apiGatewayEvents, serviceFunctions } from './function-events';
import { GeneratedResources } from './generated-resources';
import { addHttpApiResources } from './http-api-resources';
import { reportUnreadPlugins } from './inert-plugins';
import { serviceSettings } from './service-settings';
import { UnreadConfiguration } from './unread-configuration';
import { addWebsocketResources } from './websocket-resources';
import { setOwn } from '../../model/set-own';

/** serverless.yml read as the template `serverless package` would write, and what could not be read. */
export interface ServiceTemplate {
  source: TemplateSource;
  /** Each thing that may create or change API Gateway V2 resources and was not read: the scan is incomplete when there is one. */
  unread: IacError[];
}

/**
 * serverless.yml read directly, as the CloudFormation template `serverless package` (v3) would
 * write for it: the resources the framework generates for `websocket` and `httpApi` events, with
 * its logical ids, and the `resources` section (a map or a list of parts, merged as the framework
 * merges them), with `resources.extensions` applied. A value with a framework variable is
 * unresolved (its known text kept); a generated resource is located at the event it comes from.
 *
 * Nothing else in the framework generates API Gateway V2 resources, so the read is complete
 * unless a plugin that may change them is used, or functions, events or resources come from a
 * variable or an include it cannot follow: each is named in `unread`, as is what the framework
 * would refuse to package.
 */
export function serviceTemplate(text: string, file: string): ServiceTemplate {
  const service = parseTemplate(text, file);
  const config = service.value;
  if (!isPlainObject(config)) throw new IacError(file, 'not a Serverless Framework service: the file is not a mapping');
  const unread = new UnreadConfiguration(file, service.positionOf);
  reportUnreadPlugins(config['plugins'], unread);
  const events = apiGatewayEvents(serviceFunctions(config['functions'], unread), unread);
  const settings = serviceSettings(config, { websocket: events.websocket.length > 0, httpApi: events.httpApi.length > 0 }, unread);
  const generated = new GeneratedResources();
  addWebsocketResources(events.websocket, settings, generated, unread);
  addHttpApiResources(events.httpApi, settings, generated, unread);
  const own = ownResources(config['resources'], unread);
  const template = frameworkMerge({ Resources: generated.resources }, own.template) as Record<string, unknown>;
  applyExtensions(template, own.extensions, unread);
  if (isPlainObject(template['Resources'])) template['Resources'] = withDefinitionIncludes(template['Resources']);
  return {
    source: {
      value: withVariablesUnresolved(template),
      positionOf(path) {
        const [section, logicalId, ...rest] = path;
        if (section === 'Resources' && typeof logicalId === 'string') {
          const written = own.origins.get(logicalId);
          const writtenAt = written === undefined ? undefined : service.positionOf([...written, ...rest]);
          const origin = generated.origins.get(logicalId);
          // A generated resource is where its event is, except for what resources.Resources overrides.
          if (origin !== undefined && (writtenAt === undefined || rest.length === 0)) return service.positionOf(origin);
          if (written !== undefined) return writtenAt ?? service.positionOf(written);
        }
        const prefix = typeof section === 'string' ? own.sections.get(section) : undefined;
        return prefix === undefined ? undefined : service.positionOf([...prefix, ...path.slice(1)]);
      },
    },
    unread: unread.errors,
  };
}

interface OwnResources {
  /** The `resources` section without `extensions`, its parts merged. */
  template: Record<string, unknown>;
  extensions: { value: Record<string, unknown>; path: SourcePath }[];
  /** Where each resource of `resources.Resources` is written (its last part, when several name it). */
  origins: Map<string, SourcePath>;
  /** Where each other section (Outputs, Conditions, ...) is written. */
  sections: Map<string, SourcePath>;
}

/**
 * `resources`: a map of template sections, or a list of such maps (usually `${file(...)}`
 * includes) that the framework merges in order. A part, a Resources section or a resource that
 * comes from a variable is named as not read: it may hold API Gateway V2 resources.
 */
function ownResources(resources: unknown, unread: UnreadConfiguration): OwnResources {
  const own: OwnResources = { template: {}, extensions: [], origins: new Map(), sections: new Map() };
  if (resources === undefined || resources === null) return own;
  const parts: [unknown, SourcePath][] = Array.isArray(resources) ? resources.map((part: unknown, index) => [part, ['resources', index]]) : [[resources, ['resources']]];
  for (const [part, path] of parts) {
    if (holdsVariable(part)) {
      unread.notRead(path, `the resources come from ${show(part)}, which the scan does not resolve`);
      continue;
    }
    if (part === null || part === undefined) continue;
    if (!isPlainObject(part)) {
      unread.refused(path, `not a map of template sections but ${show(part)}`);
      continue;
    }
    for (const [section, value] of Object.entries(part)) {
      const at = [...path, section];
      if (section === 'extensions') {
        if (holdsVariable(value)) unread.notRead(at, `the extensions come from ${show(value)}, which the scan does not resolve`);
        else if (isPlainObject(value)) own.extensions.push({ value, path: at });
        continue;
      }
      if (section === 'Resources' && holdsVariable(value)) {
        unread.notRead(at, `the resources come from ${show(value)}, which the scan does not resolve`);
        continue;
      }
      own.sections.set(section, at);
      if (section === 'Resources' && isPlainObject(value)) {
        for (const [logicalId, resource] of Object.entries(value)) {
          if (holdsVariable(resource)) unread.notRead([...at, logicalId], `resource ${show(logicalId)} comes from ${show(resource)}, which the scan does not resolve`);
          own.origins.set(logicalId, [...at, logicalId]);
        }
      }
      own.template = frameworkMerge(own.template, { [section]: value }) as Record<string, unknown>;
    }
  }
  return own;
}

/** The resource attributes an extension replaces (DependsOn only adds dependencies, which no rule reads). */
const REPLACED_ATTRIBUTES: ReadonlySet<string> = new Set(['Condition', 'CreationPolicy', 'DeletionPolicy', 'UpdatePolicy', 'UpdateReplacePolicy']);

/**
 * `resources.extensions` (package/lib/merge-custom-provider-resources.js): for a resource of the
 * template, `Properties` and `Metadata` are assigned over its own (one level), `Condition` and the
 * policies replace its own, `DependsOn` adds to it; extending a resource that is not there, or
 * another attribute, is refused by the framework.
 */
function applyExtensions(template: Record<string, unknown>, extensions: OwnResources['extensions'], unread: UnreadConfiguration): void {
  const resources = isPlainObject(template['Resources']) ? template['Resources'] : {};
  for (const { value, path } of extensions) {
    for (const [logicalId, extension] of Object.entries(value)) {
      const resource = resources[logicalId];
      const at = [...path, logicalId];
      if (holdsVariable(extension)) {
        unread.notRead(at, `the extension of ${show(logicalId)} comes from ${show(extension)}, which the scan does not resolve`);
        continue;
      }
      if (!isPlainObject(resource)) {
        unread.refused(at, `there is no resource ${show(logicalId)} to extend`);
        continue;
      }
      if (!isPlainObject(extension)) continue;
      // A new object: the resource may still be the parsed file's own, whose positions are looked up.
      const extended: Record<string, unknown> = { ...resource };
      for (const [attribute, setting] of Object.entries(extension)) {
        if (attribute === 'Properties' || attribute === 'Metadata') extended[attribute] = { ...(isPlainObject(resource[attribute]) ? resource[attribute] : {}), ...(isPlainObject(setting) ? setting : {}) };
        else if (REPLACED_ATTRIBUTES.has(attribute)) extended[attribute] = setting;
        else if (attribute !== 'DependsOn') unread.refused([...at, attribute], `extending ${show(attribute)} is not supported by the framework`);
      }
      setOwn(resources, logicalId, extended);
    }
  }
}
