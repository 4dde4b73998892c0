import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { boundedHttpHandler } from '../lib/collect/bounded-http-handler';
import { readLambdaSettings } from '../lib/config/lambda-settings';
import { auditFromLambda, type AuditRunDependencies } from '../lib/lambda/audit-run';
import { auditChangesFromLambda, isQueueEvent, type ChangeAccess, type QueueEvent } from '../lib/lambda/change-audit';
import type { AuditResponse } from '../lib/lambda/invoke-response';
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

/** A batch from the change queue gets its batch item failures; any other event, the run's response. */
export interface AuditHandler {
  (event: QueueEvent, context: Context): Promise<SQSBatchResponse>;
  (event: unknown, context: Context): Promise<AuditResponse>;
}

/**
 * The scheduled (or manually invoked) audit (lib/lambda/audit-run.ts), and the change audits
 * of the batches the change queue delivers (lib/lambda/change-audit.ts): one function, so a
 * change audit runs exactly the scheduled run's code, logs to the same log group (the saved
 * queries and alarms see it) and ships in the same bundle.
 * `now` is the run's clock: real time when deployed; tests move it across days. `securityHub`
 * is the export step, given only by functions/audit-with-security-hub.ts and
 * functions/audit-in-fleet.ts (and tests, with a shorter retry backoff); `changeAccess`, how
 * change audits reach the fleet's member accounts, only by functions/audit-in-fleet.ts.
 */
export function createHandler(now: () => Date = () => new Date(), securityHub?: SecurityHubExport, changeAccess?: ChangeAccess): AuditHandler {
  const deps: AuditRunDependencies = { settings, sns, logger, metrics, tracking: trackingSetup, now, ...(securityHub === undefined ? {} : { securityHub }) };
  const run = (event: unknown, context: Context): Promise<AuditResponse | SQSBatchResponse> => (isQueueEvent(event) ? auditChangesFromLambda(event, context, deps, changeAccess) : auditFromLambda(event, context, deps));
  // The overloads say which response which event gets; middy's types carry one signature.
  return middy(run)
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true })) as AuditHandler;
}

export const handler = createHandler();
