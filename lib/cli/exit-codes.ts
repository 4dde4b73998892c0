/**
 * The CLI's exit codes (README "Exit codes"). When findings at or above --fail-on exist the
 * run fails with FINDINGS even if the audit is also incomplete: the gate has its answer.
 */
export const EXIT = {
  /** Complete audit, nothing at or above --fail-on. */
  CLEAN: 0,
  /** At least one finding at or above --fail-on. */
  FINDINGS: 1,
  /** Bad input or usage: unreadable snapshot or config, unknown option. */
  USAGE: 2,
  /** Something could not be read (a failed AWS call, a crashed rule): absent findings prove nothing. */
  INCOMPLETE: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can fix by changing the command line or an input file; exits with USAGE. */
export class UsageError extends Error {
  override name = 'UsageError';
}
