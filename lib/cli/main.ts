import { ConfigError } from '../config/audit-config';
import { SnapshotError } from '../model/load-snapshot';
import { auditCommand } from './audit-command';
import type { Command, CliIo } from './command';
import { EXIT, UsageError, type ExitCode } from './exit-codes';
import { rulesCommand } from './rules-command';
import { scanCommand } from './scan-command';
import { snapshotCommand } from './snapshot-command';

/** Every command of `apigw-audit`; a new command is one module plus one entry here. */
export const COMMANDS: readonly Command[] = [auditCommand, scanCommand, snapshotCommand, rulesCommand];

const usage = () =>
  `Usage: apigw-audit <command> [options]\n\nCommands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}\n\nRun \`apigw-audit <command> --help\` for a command's options.\n`;

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT.USAGE : EXIT.CLEAN;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(`apigw-audit: unknown command "${name}"\n\n${usage()}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SnapshotError || error instanceof ConfigError) {
      io.stderr(`apigw-audit ${name}: ${error.message}\n`);
      return EXIT.USAGE;
    }
    throw error;
  }
}
