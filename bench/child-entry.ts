/**
 * The child's side of childResult in bench/run.ts: run one async benchmark part, write its
 * result as JSON on stdout for the parent, or its error on stderr with a failing exit code.
 */
export function answerParent(part: () => Promise<unknown>): void {
  part().then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: unknown) => {
      process.stderr.write(String(error instanceof Error ? error.stack : error));
      process.exitCode = 1;
    },
  );
}
