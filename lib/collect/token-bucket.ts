import { systemClock, type Clock } from './clock';
import { DeadlineReached } from './deadline';

export interface TokenBucketOptions {
  /** Tokens added per second: the sustained request rate. */
  ratePerSecond: number;
  /** Tokens the bucket holds when full: how many requests may go out at once after a pause. */
  burst: number;
  clock?: Clock;
}

/**
 * A client-side token bucket: one token per HTTP attempt. API Gateway's management quota is
 * itself a token bucket (10/s, burst 40, per account and region), so a bucket no larger keeps
 * the walk off the 429 path when it is alone; AdaptiveRate lowers this bucket's rate when
 * other callers share the quota.
 *
 * A caller that finds the bucket empty takes its token on credit (the count goes negative) and
 * sleeps until that token has been refilled. Waiters are therefore served in arrival order
 * without polling, and the time a token is granted is known when it is asked for.
 */
export class TokenBucket {
  private rate: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private updatedAt: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be above 0, got ${options.ratePerSecond}`);
    if (!(options.burst >= 1)) throw new RangeError(`burst must be at least 1, got ${options.burst}`);
    this.rate = options.ratePerSecond;
    this.burst = options.burst;
    this.clock = options.clock ?? systemClock;
    this.tokens = this.burst;
    this.updatedAt = this.clock.now();
  }

  /**
   * Resolves when a token is the caller's. With a deadline, a token that could only be granted
   * at or after it is not taken; DeadlineReached is thrown instead, so nothing starts late.
   */
  async take(deadline?: number): Promise<void> {
    const now = this.clock.now();
    this.refill(now);
    const waitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate) * 1000;
    if (deadline !== undefined && now + waitMs >= deadline) throw new DeadlineReached(deadline);
    this.tokens -= 1;
    if (waitMs > 0) await this.clock.sleep(waitMs);
  }

  /** Changes the refill rate from now on (an adaptive limiter's decision); tokens earned so far stay. */
  setRate(ratePerSecond: number): void {
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be above 0, got ${ratePerSecond}`);
    this.refill(this.clock.now());
    this.rate = ratePerSecond;
  }

  /** Drops the tokens saved up: after a throttle the server's bucket is empty, so ours must not burst. */
  empty(): void {
    this.refill(this.clock.now());
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(now: number): void {
    // A clock that steps backwards (NTP) must not take tokens away.
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.rate);
    this.updatedAt = Math.max(now, this.updatedAt);
  }
}
