import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import type { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { boundedHttpHandler, type AttemptBounds } from './bounded-http-handler';

export interface ClientOptions {
  region: string;
  maxAttempts: number;
  retryStrategy: AdaptiveRetryStrategy;
  /** Aborts every call in flight: the run's deadline. */
  signal?: AbortSignal;
  attemptBounds?: Partial<AttemptBounds>;
  /** Another account's credentials (an assumed role); the SDK's default chain when absent. */
  credentials?: AwsCredentialIdentityProvider;
}

/**
 * One client per walk, built when the walk starts (a client built at import time would freeze
 * the endpoint, region and credentials of whatever process imported it first). No `endpoint`
 * is ever passed: the SDK's own resolution reads AWS_ENDPOINT_URL_APIGATEWAYV2 and
 * AWS_ENDPOINT_URL, which is how an emulator (or the test fake) is reached.
 */
export function createApiGatewayClient(options: ClientOptions): ApiGatewayV2Client {
  return new ApiGatewayV2Client({
    region: options.region,
    retryStrategy: options.retryStrategy,
    // The strategy decides; this only keeps the `amz-sdk-request: attempt=n; max=m` header true.
    maxAttempts: options.maxAttempts,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    // A stalled or trickling connection becomes a retryable timeout instead of hanging the walk.
    requestHandler: boundedHttpHandler({
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.attemptBounds === undefined ? {} : { bounds: options.attemptBounds }),
    }),
  });
}
