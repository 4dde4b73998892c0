import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { boundedHttpHandler } from '../lib/collect/bounded-http-handler';
import { readLambdaSettings } from '../lib/config/lambda-settings';
import { auditFromLambda } from '../lib/lambda/audit-run';
import { logger, metrics } from '../lib/lambda/powertools';
import type { SecurityHubExport } from '../lib/lambda/security-hub-export';
import { prepareTracking, type TrackingSetup } from '../lib/lambda/tracking-setup';

// Read at cold start: a bad deploy param fails the first invocation with the variable's name.
const settings = readLambdaSettings(process.env);
// No endpoint here: AWS_ENDPOINT_URL(_SNS) reaches an emulator through the SDK's own resolution.
// Created at the first digest: most runs (alertMode changes) publish none.
let snsClient: SNSClient | undefined;
const sns = () => (snsClient ??= new SNSClient({ region: settings.topicRegion, requestHandler: boundedHttpHandler() }));
// The suppression file and the state store, once per container, at its first invocation.
let tracking: Promise<TrackingSetup> | undefined;
const trackingSetup = () => (tracking ??= prepareTracking(settings));

/**
 * The scheduled (or manually invoked) audit; everything it does lives in lib/lambda/audit-run.ts.
 * `now` is the run's clock: real time when deployed; tests move it across days. `securityHub`
 * is the export step, given only by functions/audit-with-security-hub.ts (and tests, with a
 * shorter retry backoff).
 */
export function createHandler(now: () => Date = () => new Date(), securityHub?: SecurityHubExport) {
  return middy((event: unknown, context: Context) => auditFromLambda(event, context, { settings, sns, logger, metrics, tracking: trackingSetup, now, ...(securityHub === undefined ? {} : { securityHub }) }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}

export const handler = createHandler();
