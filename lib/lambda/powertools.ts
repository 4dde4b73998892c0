import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * The stack names the service per stage (POWERTOOLS_SERVICE_NAME), so two stages in one
 * account keep their metrics and alarms apart; outside Lambda (tests, the demo) it is this.
 */
export const SERVICE_NAME = process.env.POWERTOOLS_SERVICE_NAME ?? 'apigw-audit';
/** Where the EMF metrics land; the alarms in serverless.yml read from it. */
export const METRICS_NAMESPACE = 'ApigwAudit';

/** Built once, shared by the handler's middlewares and the run (Powertools examples, peers.md G). */
export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
