import { AdaptiveRetryStrategy, type AdaptiveRetryStrategyOptions, type RateLimiter } from '@smithy/core/retry';
import type { AdaptiveRate } from './adaptive-rate';
import type { TokenBucket } from './token-bucket';

/**
 * Attempts per call, the first included. The SDK's default is 3; a walk at the quota bound
 * meets throttling from other callers of the same account-wide quota, and an API whose call
 * still fails is left out of the audit. With a fifth of attempts throttled, 6 attempts lost
 * about one API in four walks of 2,500 calls (docs/benchmarks.md); 10 make that about one in
 * a thousand. The SDK's full-jitter backoff (base 1 s on throttling, doubling, capped at 20 s)
 * then waits about a minute at most on average, and the deadline still bounds the walk.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** The SDK's backoff interface (delay base per error type, then the delay for attempt n). */
export type Backoff = NonNullable<AdaptiveRetryStrategyOptions['backoff']>;

export interface RetryPolicyOptions {
  maxAttempts: number;
  /** Replaces the SDK's jittered exponential backoff; tests pass a short one. */
  backoff?: Backoff;
  bucket: TokenBucket;
  /** Told of every throttled and every successful attempt, to set the bucket's rate. */
  rate?: AdaptiveRate;
  /** No attempt, first or retry, starts at or after this epoch time. */
  deadline?: number;
  /** Called once per throttled attempt (429 or TooManyRequestsException). */
  onThrottled: () => void;
}

/**
 * The SDK's own retry loop, configured rather than wrapped: its AdaptiveRetryStrategy asks a
 * RateLimiter for a send token before the first attempt and again before every retry (after
 * the backoff sleep), so handing it our bucket makes every HTTP attempt, retries included,
 * take one token, and reports each attempt's outcome, which sets the bucket's rate (behaviour of @smithy/core 3.41, not a documented promise, so
 * test/collect/retry-policy.test.ts pins it). The strategy retries throttling (any 429,
 * TooManyRequestsException) and transient errors (500, 502, 503, 504, connection resets,
 * timeouts) with full-jitter backoff, and keeps the SDK's retry budget, which stops retry
 * storms when the service is down. A 404, 403 or unreadable body is not retried, nor are
 * the other 5xx (501 Not Implemented will not change on a second try).
 */
export function createRetryStrategy(options: RetryPolicyOptions): AdaptiveRetryStrategy {
  const rateLimiter: RateLimiter = {
    getSendToken: () => options.bucket.take(options.deadline),
    // Called with the error of a failed attempt before its retry, and with {} after a success.
    updateClientSendingRate: (outcome: unknown) => {
      if (isThrottling(outcome)) {
        options.onThrottled();
        options.rate?.throttled();
      } else if (!hasErrorType(outcome)) {
        options.rate?.succeeded();
      }
    },
  };
  return new AdaptiveRetryStrategy(options.maxAttempts, {
    rateLimiter,
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
  });
}

function hasErrorType(outcome: unknown): outcome is { errorType: unknown } {
  return typeof outcome === 'object' && outcome !== null && 'errorType' in outcome;
}

function isThrottling(outcome: unknown): boolean {
  return hasErrorType(outcome) && outcome.errorType === 'THROTTLING';
}
