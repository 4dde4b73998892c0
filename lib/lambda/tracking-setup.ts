import type { LambdaSettings } from '../config/lambda-settings';
import { RULES } from '../rules';
import { createDynamoStateStore } from '../lifecycle/dynamo-state-store';
import { loadDeployedSuppressions } from '../suppressions/load-deployed-suppressions';
import { besideHandler } from './beside-handler';
import type { StateStore } from '../lifecycle/state-store';
import type { SuppressionEntry } from '../suppressions/suppression-entry';

/** What change tracking needs across the runs of one container. */
export interface TrackingSetup {
  suppressions: readonly SuppressionEntry[];
  /** Absent without STATE_TABLE: change tracking is off. */
  store?: StateStore;
}

/**
 * Done once per container, at its first invocation (reading a file is asynchronous, so it
 * cannot happen while the module loads). A bad suppression file rejects with a ConfigError
 * naming every bad entry, and since the file ships with the function, every later invocation
 * of the container fails the same way: nothing is ever suppressed on a file that does not
 * validate. The file is looked up beside the handler (beside-handler.ts). The store's client is built here, not at import, so it reads its endpoint
 * (AWS_ENDPOINT_URL_DYNAMODB) and credentials from the environment of the running function.
 */
export async function prepareTracking(settings: LambdaSettings): Promise<TrackingSetup> {
  const suppressions = settings.suppressionsFile === undefined ? [] : await loadDeployedSuppressions(besideHandler(settings.suppressionsFile), RULES.map((rule) => rule.meta));
  return { suppressions, ...(settings.stateTable === undefined ? {} : { store: createDynamoStateStore(settings.stateTable) }) };
}
