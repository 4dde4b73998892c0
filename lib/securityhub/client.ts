import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { boundedHttpHandler, type AttemptBounds } from '../collect/bounded-http-handler';
import { createRetryStrategy, type Backoff } from '../collect/retry-policy';
import { TokenBucket } from '../collect/token-bucket';

/**
 * BatchImportFindings allows 10 requests per second (burst 30) per account and region: the
 * export keeps well inside it, since other tools of the account import findings too.
 */
const RATE_PER_SECOND = 5;
const BURST = 10;
/** Attempts per batch, the first included: throttling and transient errors are retried with backoff. */
export const SECURITY_HUB_MAX_ATTEMPTS = 6;
/** The longest one attempt may take; the run keeps this much (and more) back after its export deadline. */
export const SECURITY_HUB_REQUEST_TIMEOUT_MS = 10_000;

export interface SecurityHubClientOptions {
  region: string;
  /** Replaces the SDK's jittered exponential backoff; tests pass a short one. */
  backoff?: Backoff;
  /** No attempt starts at or after this epoch time (the run's deadline). */
  deadline?: number;
  onThrottled?: () => void;
  /** Narrows the bounds of one attempt; tests pass short ones. */
  attemptBounds?: Partial<AttemptBounds>;
  /** Another account's credentials (fleet mode imports with the member role); the default chain when absent. */
  credentials?: AwsCredentialIdentityProvider;
}

/**
 * A client for one region's Security Hub, built for one run, with the collector's retry
 * policy (the SDK's adaptive retry strategy fed by a fixed-rate token bucket, which starts no
 * attempt at or after `deadline`) and the bounded handler of the other clients, so a stalled
 * connection becomes a retryable timeout instead of holding the run. No endpoint is passed: the SDK reads
 * AWS_ENDPOINT_URL_SECURITYHUB and AWS_ENDPOINT_URL (an emulator, or the tests' fake).
 */
export function createSecurityHubClient(options: SecurityHubClientOptions): SecurityHubClient {
  const bucket = new TokenBucket({ ratePerSecond: RATE_PER_SECOND, burst: BURST });
  return new SecurityHubClient({
    region: options.region,
    retryStrategy: createRetryStrategy({
      maxAttempts: SECURITY_HUB_MAX_ATTEMPTS,
      bucket,
      ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
      ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
      onThrottled: options.onThrottled ?? (() => undefined),
    }),
    maxAttempts: SECURITY_HUB_MAX_ATTEMPTS,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    // The handler every client uses, so a stalled or trickling endpoint ends the attempt (the
    // SDK's own requestTimeout only warns); shorter than the collector's 30 s: an import is
    // small, and the run's end is near.
    requestHandler: boundedHttpHandler({ bounds: { requestTimeoutMs: SECURITY_HUB_REQUEST_TIMEOUT_MS, attemptTimeoutMs: SECURITY_HUB_REQUEST_TIMEOUT_MS, ...options.attemptBounds } }),
  });
}
