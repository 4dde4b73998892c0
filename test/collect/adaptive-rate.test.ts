import { AdaptiveRate } from '../../lib/collect/adaptive-rate';
import type { Clock } from '../../lib/collect/clock';
import { TokenBucket } from '../../lib/collect/token-bucket';

function manualClock(): Clock & { time: number; sleeps: number[] } {
  const clock = { time: 0, sleeps: [] as number[], now: () => clock.time, sleep: async (ms: number) => void clock.sleeps.push(ms) };
  return clock;
}

describe('AdaptiveRate', () => {
  test('starts at the maximum and stays there while nothing is throttled', () => {
    const clock = manualClock();
    const rate = new AdaptiveRate(new TokenBucket({ ratePerSecond: 10, burst: 40, clock }), { maxRate: 10, clock });
    clock.time += 5_000;
    rate.succeeded();
    expect(rate.current).toBe(10);
  });

  test('cuts by a factor on a throttle, once per congestion, then wins back a little each second', () => {
    const clock = manualClock();
    const rate = new AdaptiveRate(new TokenBucket({ ratePerSecond: 10, burst: 40, clock }), { maxRate: 10, decrease: 0.5, increasePerSecond: 1, cooldownMs: 1_000, clock });
    rate.throttled();
    rate.throttled();
    expect(rate.current).toBe(5);
    clock.time += 2_000;
    rate.succeeded();
    expect(rate.current).toBe(7);
    rate.throttled();
    expect(rate.current).toBe(3.5);
    clock.time += 60_000;
    rate.succeeded();
    expect(rate.current).toBe(10);
  });

  test('never goes below the minimum rate', () => {
    const clock = manualClock();
    const rate = new AdaptiveRate(new TokenBucket({ ratePerSecond: 10, burst: 40, clock }), { maxRate: 10, minRate: 2, decrease: 0.1, cooldownMs: 0, clock });
    for (let i = 0; i < 5; i += 1) rate.throttled();
    expect(rate.current).toBe(2);
  });

  test('a throttle empties the bucket and the new rate paces the next tokens', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 40, clock });
    const rate = new AdaptiveRate(bucket, { maxRate: 10, decrease: 0.5, clock });
    await bucket.take();
    rate.throttled();
    await Promise.all([bucket.take(), bucket.take()]);
    expect(clock.sleeps).toEqual([200, 400]);
  });

  test('refuses a maximum that could never send', () => {
    const clock = manualClock();
    expect(() => new AdaptiveRate(new TokenBucket({ ratePerSecond: 1, burst: 1, clock }), { maxRate: 0, clock })).toThrow(RangeError);
  });
});
