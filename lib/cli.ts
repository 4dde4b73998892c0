import { EXIT } from './cli/exit-codes';
import { main } from './cli/main';
import { failedFileAccess } from './model/read-text-file';

// The AWS SDK warns once per process that its releases after early 2027 will need Node 22.
// The SDK is pinned, so the warning concerns upgrades of this package, not its users on Node
// 20, which it supports (package.json "engines"). Set before any command loads the SDK; a
// user's own setting wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
/**
 * A reader that stops early (`apigw-audit rules | head`) closes the pipe: not an error of
 * the run, so the process ends quietly with the code it has, instead of dying on EPIPE. Any
 * other failure to write (a full disk behind `> report.json`) loses the report: exit 2 with
 * what happened, not an uncaught exception whose exit 1 a CI gate would read as findings.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    process.stderr.write(`apigw-audit: ${failedFileAccess('cannot write the report to standard output', error)}\n`);
    process.exit(EXIT.USAGE);
  }
  process.exit(process.exitCode ?? 0);
});

/** The `apigw-audit` binary: wires the CLI to the process. */
main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`apigw-audit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
