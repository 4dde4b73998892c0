import { systemClock, type Clock } from './clock';
import type { TokenBucket } from './token-bucket';

/** API Gateway's management quota per account and region: 10 requests/s, burst 40, shared by every caller. */
export const QUOTA_RATE_PER_SECOND = 10;
export const QUOTA_BURST = 40;

/**
 * A user's cap on the walk's rate, as text (`--max-rate`, the stack's `maxRate` param): a
 * number of requests/s above 0 and at most the quota. The message says what is wrong; the
 * caller names the option.
 */
export function parseMaxRate(text: string): number | string {
  const rate = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(rate > 0 && rate <= QUOTA_RATE_PER_SECOND)) return `must be a number of requests per second above 0 and at most ${QUOTA_RATE_PER_SECOND} (the quota); got "${text}"`;
  return rate;
}

export interface AdaptiveRateOptions {
  /** The rate to start at and never exceed: the quota, or less when the user caps it. */
  maxRate: number;
  /** The rate is never cut below this, so a walk always finishes. */
  minRate?: number;
  /** The share of the rate kept on a throttle. */
  decrease?: number;
  /** Requests/s added per second without a throttle. */
  increasePerSecond?: number;
  /** Throttles within this long of a cut are the same congestion, answered by that one cut. */
  cooldownMs?: number;
  clock?: Clock;
}

/**
 * AIMD on the client's send rate, as TCP does on its window: start at the quota, cut the rate
 * by a factor on throttling and win it back a little each second. Alone, the walk keeps the
 * quota's full rate; beside another caller of the same account-wide quota, it settles just
 * under what the neighbour leaves, so the neighbour is rarely refused (docs/benchmarks.md).
 */
export class AdaptiveRate {
  private readonly maxRate: number;
  private readonly minRate: number;
  private readonly decrease: number;
  private readonly increasePerSecond: number;
  private readonly cooldownMs: number;
  private readonly clock: Clock;
  private rate: number;
  private lastChange: number;
  private lastCut = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly bucket: TokenBucket,
    options: AdaptiveRateOptions,
  ) {
    if (!(options.maxRate > 0)) throw new RangeError(`the maximum rate must be above 0, got ${options.maxRate}`);
    this.maxRate = options.maxRate;
    this.minRate = Math.min(options.minRate ?? 0.5, this.maxRate);
    this.decrease = options.decrease ?? 0.8;
    this.increasePerSecond = options.increasePerSecond ?? 0.5;
    this.cooldownMs = options.cooldownMs ?? 1_000;
    this.clock = options.clock ?? systemClock;
    this.rate = this.maxRate;
    this.lastChange = this.clock.now();
    this.bucket.setRate(this.rate);
  }

  /** The current send rate, requests/s. */
  get current(): number {
    return this.rate;
  }

  /** An attempt was throttled: the quota is spent, so cut the rate and stop any burst. */
  throttled(): void {
    const now = this.clock.now();
    if (now - this.lastCut < this.cooldownMs) return;
    this.lastCut = now;
    this.lastChange = now;
    this.rate = Math.max(this.minRate, this.rate * this.decrease);
    this.bucket.setRate(this.rate);
    this.bucket.empty();
  }

  /** An attempt succeeded: add back rate for the time since the last change. */
  succeeded(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.lastChange) / 1000;
    this.lastChange = Math.max(now, this.lastChange);
    if (this.rate >= this.maxRate) return;
    this.rate = Math.min(this.maxRate, this.rate + elapsed * this.increasePerSecond);
    this.bucket.setRate(this.rate);
  }
}
