import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { readFleetSettings } from '../lib/fleet/fleet-settings';
import { itemStepEvent } from '../lib/fleet/step-events';
import { walkItem, walkWindow } from '../lib/fleet/walk-item';
import { WalkStore } from '../lib/fleet/walk-store';
import { logger } from '../lib/lambda/powertools';

const settings = readFleetSettings(process.env);
const store = WalkStore.create(settings.walkBucket, settings.topicRegion);

/** One walk invocation of a fleet item; the state machine loops on it until the cursor is done. */
export const handler = middy(async (event: unknown, context: Context) => {
  const item = itemStepEvent(event);
  logger.appendKeys({ runId: item.scope.runId, accountId: item.target.accountId, region: item.target.region });
  const cursor = await walkItem(item, settings, store, walkWindow(Date.now(), context.getRemainingTimeInMillis()));
  logger.info('walk step done', { kind: 'fleet-walk', invocations: cursor.invocations, done: cursor.done });
  return cursor;
}).use(injectLambdaContext(logger, { clearState: true }));
