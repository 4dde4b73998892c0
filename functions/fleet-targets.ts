import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { readFleetSettings } from '../lib/fleet/fleet-settings';
import { lazyOrganizationsClient } from '../lib/fleet/organizations-client';
import { planRun } from '../lib/fleet/plan-run';
import { planStepEvent } from '../lib/fleet/step-events';
import { readWalkSizes } from '../lib/fleet/walk-sizes';
import { WalkStore } from '../lib/fleet/walk-store';
import { logger } from '../lib/lambda/powertools';

const settings = readFleetSettings(process.env);
const store = WalkStore.create(settings.walkBucket, settings.topicRegion);
const organizationsClient = lazyOrganizationsClient();

/** The fleet's first state: which account-regions this execution audits (lib/fleet/plan-run.ts). */
export const handler = middy(async (event: unknown) => {
  const { input, runId, startedAt } = planStepEvent(event);
  const plan = await planRun(input, runId, startedAt, settings, organizationsClient, await readWalkSizes(store));
  logger.info('fleet run planned', { kind: 'fleet-plan', runId, accountRegions: plan.targets.length, narrowed: plan.scope.narrowed });
  return plan;
}).use(injectLambdaContext(logger, { clearState: true }));
