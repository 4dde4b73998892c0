import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { auditItem } from '../lib/fleet/audit-item';
import { readFleetSettings } from '../lib/fleet/fleet-settings';
import { itemStepEvent } from '../lib/fleet/step-events';
import { WalkStore } from '../lib/fleet/walk-store';
import { logger } from '../lib/lambda/powertools';
import { prepareTracking } from '../lib/lambda/tracking-setup';
import { createSecurityHubClient } from '../lib/securityhub/client';

const settings = readFleetSettings(process.env);
const store = WalkStore.create(settings.walkBucket, settings.topicRegion);
// The suppression file, once per container; the state store is per item (its own partition).
let suppressions: ReturnType<typeof loadSuppressions> | undefined;
const loadSuppressions = async () => {
  const { stateTable: _perItem, ...withoutTable } = settings;
  return (await prepareTracking(withoutTable)).suppressions;
};

/** Time kept after the export's last attempt may start: that attempt, then the outcome. */
const EXPORT_RESERVE_MS = 20_000;

/** An item's evaluation and change tracking after its walk, or the record of why it failed. */
export const handler = middy((event: unknown, context: Context) =>
  auditItem(itemStepEvent(event), {
    settings,
    store,
    logger,
    suppressions: () => (suppressions ??= loadSuppressions()),
    securityHub: (region, deadline, credentials) => createSecurityHubClient({ region, deadline, ...(credentials === undefined ? {} : { credentials }) }),
    exportDeadline: Date.now() + context.getRemainingTimeInMillis() - EXPORT_RESERVE_MS,
  }),
).use(injectLambdaContext(logger, { clearState: true }));
