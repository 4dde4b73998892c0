/** Calendar arithmetic for the lifecycle, in UTC so a run's answer does not depend on where it runs. */
const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole and fractional days from `earlier` to `later`. */
export function daysBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / DAY_MS;
}

/** Epoch seconds: the unit of DynamoDB's time-to-live attribute. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
