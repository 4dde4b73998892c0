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
 * Reads the settings; a section the generated resources depend on that comes from a variable is
 * named as not read (its resources are still generated, from the defaults).
 */
export function serviceSettings(config: Record<string, unknown>, unread: UnreadConfiguration): ServiceSettings {
  const service = config['service'];
  const settings = section(config['provider'], ['provider'], unread);
  const provider: ProviderSettings = {
    settings,
    apiGateway: section(settings['apiGateway'], ['provider', 'apiGateway'], unread),
    httpApi: section(settings['httpApi'], ['provider', 'httpApi'], unread),
  };
  const stage = settings['stage'];
  return { name: isPlainObject(service) ? service['name'] : service, stage: stage === undefined || stage === null ? 'dev' : stage, provider };
}

function section(value: unknown, path: SourcePath, unread: UnreadConfiguration): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  if (holdsVariable(value)) unread.notRead(path, `the section comes from ${show(value)}, which the scan does not resolve`);
  return {};
}
