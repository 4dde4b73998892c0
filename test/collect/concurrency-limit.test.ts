import { concurrencyLimit } from '../../lib/collect/concurrency-limit';

/** A promise the test settles when it chooses, to hold a task in its slot. */
function gate() {
  let release: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release: () => release() };
}

describe('concurrencyLimit', () => {
  test('runs at most the limit at once and starts the others in arrival order', async () => {
    const limit = concurrencyLimit(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = Promise.all(
      gates.map((g, index) =>
        limit(async () => {
          started.push(index);
          running += 1;
          most = Math.max(most, running);
          await g.done;
          running -= 1;
        }),
      ),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.release());
    await all;
    expect(started).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
  });

  test('a task that throws frees its slot', async () => {
    const limit = concurrencyLimit(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve(7))).resolves.toBe(7);
  });

  test('refuses a limit that could run nothing', () => {
    expect(() => concurrencyLimit(0)).toThrow(RangeError);
    expect(() => concurrencyLimit(1.5)).toThrow(RangeError);
  });
});
