/**
 * Thrown instead of starting a call that could not start before the deadline. The call never
 * reached AWS, so the resource it was for is "not reached", not "failed".
 */
export class DeadlineReached extends Error {
  override name = 'DeadlineReached';

  constructor(readonly deadline: number) {
    super(`not started: the deadline ${new Date(deadline).toISOString()} was reached`);
  }
}
