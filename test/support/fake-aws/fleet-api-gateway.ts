import type { Snapshot } from '../../../lib/model/snapshot';
import { fakeApiGatewayV2, type FakeApiGatewayOptions } from './apigatewayv2';
import { credentialScope, type FakeReply, type FakeRequest, type ServiceHandler } from './server';
import { accountOfRequest } from './sts';

/** One account-region of a simulated fleet. */
export interface FleetAccountRegion {
  accountId: string;
  region: string;
  /** Undefined: a region the account has not enabled (an opt-in region). */
  snapshot?: Snapshot;
}

/**
 * API Gateway V2 for many accounts and regions on one endpoint: the request's credentials name
 * the account (FakeSts hands out member keys; anything else is the auditor's own account), the
 * credential scope the region. Each account-region is its own fake with its own quota, as in
 * AWS. A region the account has not enabled answers as AWS does there: 403
 * UnrecognizedClientException (the token is not valid in that region).
 */
export class FleetApiGateway implements ServiceHandler {
  readonly signingName = 'apigateway';
  /** Requests answered 200, per `account/region`. */
  readonly answered = new Map<string, number>();
  private readonly handlers = new Map<string, ServiceHandler | undefined>();

  constructor(
    places: readonly FleetAccountRegion[],
    private readonly auditorAccount: string,
    options: FakeApiGatewayOptions,
  ) {
    for (const place of places) this.handlers.set(`${place.accountId}/${place.region}`, place.snapshot === undefined ? undefined : fakeApiGatewayV2(place.snapshot, options));
  }

  async handle(request: FakeRequest): Promise<FakeReply> {
    const key = `${accountOfRequest(request, this.auditorAccount)}/${credentialScope(request.headers.authorization)?.region ?? 'unsigned'}`;
    if (!this.handlers.has(key)) return { operation: 'Unknown', status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException' }, body: JSON.stringify({ message: `the fake fleet has no ${key}` }) };
    const handler = this.handlers.get(key);
    if (handler === undefined) return { operation: 'GetApis', status: 403, headers: { 'x-amzn-errortype': 'UnrecognizedClientException' }, body: JSON.stringify({ message: 'The security token included in the request is invalid.' }) };
    const reply = await handler.handle(request);
    if ('status' in reply && reply.status === 200) this.answered.set(key, (this.answered.get(key) ?? 0) + 1);
    return reply;
  }
}
