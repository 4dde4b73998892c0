import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import middy from '@middy/core';
import { boundedHttpHandler } from '../lib/collect/bounded-http-handler';
import { readFleetSettings } from '../lib/fleet/fleet-settings';
import { planRun } from '../lib/fleet/plan-run';
import { planStepEvent } from '../lib/fleet/step-events';
import { readWalkSizes } from '../lib/fleet/walk-sizes';
import { WalkStore } from '../lib/fleet/walk-store';
import { logger } from '../lib/lambda/powertools';

const settings = readFleetSettings(process.env);
const store = WalkStore.create(settings.walkBucket, settings.topicRegion);
// AWS Organizations has one endpoint, in us-east-1 (aws partition).
let organizations: OrganizationsClient | undefined;
const organizationsClient = () => (organizations ??= new OrganizationsClient({ region: 'us-east-1', requestHandler: boundedHttpHandler() }));

/** The fleet's first state: which account-regions this execution audits (lib/fleet/plan-run.ts). */
export const handler = middy(async (event: unknown) => {
  const { input, runId, startedAt } = planStepEvent(event);
  const plan = await planRun(input, runId, startedAt, settings, organizationsClient, await readWalkSizes(store));
  logger.info('fleet run planned', { kind: 'fleet-plan', runId, accountRegions: plan.targets.length, narrowed: plan.scope.narrowed });
  return plan;
}).use(injectLambdaContext(logger, { clearState: true }));
