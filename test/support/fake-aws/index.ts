import type { Snapshot } from '../../../lib/model/snapshot';
import { fakeApiGatewayV2, type FakeApiGatewayOptions } from './apigatewayv2';
import { byRegion, startFakeAws, type FakeAws } from './server';

export type { Deletion, FakeApiGatewayOptions } from './apigatewayv2';
export type { FaultKind, FaultRule } from './faults';
export type { FakeAws, RecordedRequest, ServiceHandler } from './server';
export { byRegion, fakeApiGatewayV2, startFakeAws };
export { minimalCalls, sampleAccount } from './sample-account';

/** The fake with only API Gateway V2 on it, the common case in collector tests. */
export function startFakeApiGateway(snapshot: Snapshot, options?: FakeApiGatewayOptions): Promise<FakeAws> {
  return startFakeAws([fakeApiGatewayV2(snapshot, options)]);
}
