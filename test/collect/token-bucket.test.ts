import fc from 'fast-check';
import type { Clock } from '../../lib/collect/clock';
import { DeadlineReached } from '../../lib/collect/deadline';
import { TokenBucket } from '../../lib/collect/token-bucket';

/** A clock that only moves when told to; sleeps are recorded and resolve at once. */
function manualClock(): Clock & { time: number; sleeps: number[] } {
  const clock = {
    time: 0,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
    },
  };
  return clock;
}

describe('TokenBucket', () => {
  test('a full bucket grants its burst at once, then one token per 1/rate', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ ratePerSecond: 8, burst: 3, clock });
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    expect(clock.sleeps).toEqual([]);

    // Callers that find it empty are queued in arrival order, each 125 ms after the last.
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    expect(clock.sleeps).toEqual([125, 250, 375]);
  });

  test('refills with time, but never above the burst', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2, clock });
    await bucket.take();
    await bucket.take();
    clock.time += 60_000;
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    expect(clock.sleeps).toEqual([100]);
  });

  test('a partly refilled token is waited for only for the rest', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 1, clock });
    await bucket.take();
    clock.time += 40;
    await bucket.take();
    expect(clock.sleeps).toEqual([60]);
  });

  test('with a deadline, a token that would come too late is refused and not taken', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 1, clock });
    await bucket.take(1_000);
    await expect(bucket.take(100)).rejects.toBeInstanceOf(DeadlineReached);
    await expect(bucket.take(101)).resolves.toBeUndefined();
    expect(clock.sleeps).toEqual([100]);
  });

  test('a clock stepping backwards takes no tokens away', async () => {
    const clock = manualClock();
    clock.time = 5_000;
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2, clock });
    clock.time = 1_000;
    await Promise.all([bucket.take(), bucket.take()]);
    expect(clock.sleeps).toEqual([]);
  });

  test('refuses a rate or burst that could never grant a token', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0.5 })).toThrow(RangeError);
  });

  test('never grants more than burst + rate × window in any window, and grants in arrival order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 120 }),
        async (ratePerSecond, burst, gaps) => {
          const clock = manualClock();
          const bucket = new TokenBucket({ ratePerSecond, burst, clock });
          const grants: number[] = [];
          for (const gap of gaps) {
            clock.time += gap;
            const before = clock.sleeps.length;
            await bucket.take();
            grants.push(clock.time + (clock.sleeps[before] ?? 0));
          }
          for (let first = 0; first < grants.length; first += 1) {
            for (let last = first; last < grants.length; last += 1) {
              const window = ((grants[last] ?? 0) - (grants[first] ?? 0)) / 1000;
              expect(last - first + 1).toBeLessThanOrEqual(burst + ratePerSecond * window + 1e-9);
              expect(grants[last]).toBeGreaterThanOrEqual(grants[first] ?? 0);
            }
          }
        },
      ),
    );
  });
});
