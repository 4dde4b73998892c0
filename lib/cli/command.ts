import type { ExitCode } from './exit-codes';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress lines only then). */
  stderrIsTty: boolean;
}

/** A loaded command (its name and summary are in command-list.ts). */
export interface Command {
  /** The full `--help` text. */
  help: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}
