import type { Snapshot } from '../../../lib/model/snapshot';
import { fakeApiGatewayV2, type FakeApiGatewayOptions } from './apigatewayv2';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';

/**
 * The fake API Gateway V2 of an account that changes between runs (a problem fixed, a fault
 * injected): one handler for the server's whole life, serving whichever account it was last given.
 */
export class SwappableApiGateway implements ServiceHandler {
  readonly signingName: string;
  private current: ServiceHandler;

  constructor(snapshot: Snapshot, options?: FakeApiGatewayOptions) {
    this.current = fakeApiGatewayV2(snapshot, options);
    this.signingName = this.current.signingName;
  }

  serve(snapshot: Snapshot, options?: FakeApiGatewayOptions): void {
    this.current = fakeApiGatewayV2(snapshot, options);
  }

  handle(request: FakeRequest): Promise<FakeReply> {
    return this.current.handle(request);
  }
}
