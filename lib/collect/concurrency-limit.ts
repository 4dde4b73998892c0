/** Runs a task when one of the limit's slots is free. */
export type Limited = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * At most `limit` tasks run at once; the others wait in arrival order. A finishing task hands
 * its slot straight to the next waiter, so a slot is never free while someone waits.
 */
export function concurrencyLimit(limit: number): Limited {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`concurrency must be a whole number of at least 1, got ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}
