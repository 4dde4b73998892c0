import { isPlainObject, show } from '../../rules/values';
import type { SourcePath } from '../positions';
import { holdsVariable } from './framework-variables';
import type { UnreadConfiguration } from './unread-configuration';

/** The service-wide settings the generated API Gateway resources depend on, as written (variables still in them). */
export interface ServiceSettings {
  /** `service` (or the old `service.name`). */
  name: unknown;
  /** `provider.stage`, `dev` when not set: the stage a plain `serverless package` uses. */
  stage: unknown;
  provider: ProviderSettings;
}

interface ProviderSettings {
  settings: Record<string, unknown>;
  /** `provider.apiGateway` (where `websocketApiId` is). */
  apiGateway: Record<string, unknown>;
  /** `provider.httpApi`. */
  httpApi: Record<string, unknown>;
}

/**
 * Reads the settings the service's events use: a section they depend on that comes from a
 * variable is named as not read (their resources are still generated, from the defaults).
 * `provider.apiGateway` matters only with websocket events, `provider.httpApi` only with
 * httpApi events.
 */
export function serviceSettings(config: Record<string, unknown>, uses: { websocket: boolean; httpApi: boolean }, unread: UnreadConfiguration): ServiceSettings {
  const service = config['service'];
  const used = (value: unknown, path: SourcePath, usedHere: boolean) => (usedHere ? section(value, path, unread) : isPlainObject(value) ? value : {});
  const settings = used(config['provider'], ['provider'], uses.websocket || uses.httpApi);
  const provider: ProviderSettings = {
    settings,
    apiGateway: used(settings['apiGateway'], ['provider', 'apiGateway'], uses.websocket),
    httpApi: used(settings['httpApi'], ['provider', 'httpApi'], uses.httpApi),
  };
  const stage = settings['stage'];
  return { name: isPlainObject(service) ? service['name'] : service, stage: stage === undefined || stage === null ? 'dev' : stage, provider };
}

function section(value: unknown, path: SourcePath, unread: UnreadConfiguration): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  if (holdsVariable(value)) unread.notRead(path, `the section comes from ${show(value)}, which the scan does not resolve`);
  return {};
}
