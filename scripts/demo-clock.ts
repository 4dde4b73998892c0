/**
 * The demo's clock: from `setClock(at)` on, `Date.now()` and `new Date()` read `at` plus the
 * real time since, for everything in the process (the handler, Powertools' log timestamps and
 * EMF metrics, the state table's dates), so the two runs' log lines carry the simulated days.
 * Only the demo installs it; nothing reads the clock differently in tests or on Lambda.
 */
const RealDate = Date;
let offsetMs = 0;

class SimulatedDate extends RealDate {
  // Date's own overloads; with no argument it is "now", on the simulated clock.
  constructor(...args: [] | [string | number | Date] | [number, number, number?, number?, number?, number?, number?]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else if (args.length === 1) super(args[0]);
    else super(...args);
  }

  static override now(): number {
    return RealDate.now() + offsetMs;
  }
}

export function setClock(at: Date): void {
  offsetMs = at.getTime() - RealDate.now();
  globalThis.Date = SimulatedDate as DateConstructor;
}
