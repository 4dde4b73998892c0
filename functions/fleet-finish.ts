import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import { boundedHttpHandler } from '../lib/collect/bounded-http-handler';
import { readFleetSettings } from '../lib/fleet/fleet-settings';
import { finishRun } from '../lib/fleet/finish-run';
import { finishStepEvent } from '../lib/fleet/step-events';
import { WalkStore } from '../lib/fleet/walk-store';
import { logger, metrics } from '../lib/lambda/powertools';

const settings = readFleetSettings(process.env);
const store = WalkStore.create(settings.walkBucket, settings.topicRegion);
const sns = new SNSClient({ region: settings.topicRegion, requestHandler: boundedHttpHandler() });

/** The fleet's last state: the run's summary, metrics and one digest (lib/fleet/finish-run.ts). */
export const handler = middy((event: unknown) => finishRun(finishStepEvent(event), { settings, store, sns, logger, metrics }))
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics));
