import { MAXIMUM_RETRY_DELAY } from '@smithy/core/retry';
import type { Clock } from '../../../lib/collect/clock';
import type { Backoff } from '../../../lib/collect/retry-policy';

/**
 * The SDK's own retry backoff (full jitter: a random share of base × 2^retry, capped at 20 s;
 * the strategy sets the base, 1 s after a throttle) with every delay divided by `factor`. A fake
 * whose quota is scaled up tenfold makes time run ten times faster for the walk; retry delays
 * scaled the same way keep their real weight against the quota instead of ten times more.
 */
export function scaledSdkBackoff(factor: number): Backoff {
  let base = 0;
  return {
    setDelayBase: (delay) => {
      base = delay;
    },
    computeNextBackoffDelay: (retries) => (Math.random() * Math.min(base * 2 ** retries, MAXIMUM_RETRY_DELAY)) / factor,
  };
}

/** Time that runs `factor` times faster than the real clock: what the walker sees beside a scaled quota. */
export function scaledClock(factor: number): Clock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / factor)),
  };
}
