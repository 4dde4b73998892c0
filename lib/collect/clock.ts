/**
 * Time as the collector sees it. Injected so tests can drive the rate limiter and the deadline
 * without waiting; the SDK's own retry backoff still uses real timers.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
