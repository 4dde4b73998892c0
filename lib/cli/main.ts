import { version } from '../../package.json';
import { didYouMean } from '../model/closest-name';
import { quoteValue } from '../model/quote-value';
import { visibleLines } from '../report/escape';
import type { CliIo } from './command';
import { COMMANDS } from './command-list';
import { EXIT, type ExitCode } from './exit-codes';

const usage = () =>
  `Usage: apigw-audit <command> [options]
       apigw-audit --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`apigw-audit <command> --help\` for a command's options.
`;

/**
 * The errors a user fixes by changing the command line or an input file (exit 2), by name:
 * their classes live in the commands' own chunks, which this module must not load up front.
 */
const USER_ERRORS = new Set(['UsageError', 'SnapshotError', 'ConfigError']);

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`${version}\n`);
    return EXIT.CLEAN;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // `apigw-audit help scan` is `apigw-audit scan --help`.
    const topic = name === 'help' ? COMMANDS.find((candidate) => candidate.name === args[0]) : undefined;
    io.stdout(topic === undefined ? usage() : (await topic.load()).help);
    return name === undefined ? EXIT.USAGE : EXIT.CLEAN;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    const names = COMMANDS.map((c) => c.name);
    // A mistyped --version or --help is matched against those, not against the commands.
    const suggestion = didYouMean(name, name.startsWith('-') ? ['--version', '--help'] : names);
    io.stderr(`apigw-audit: unknown command ${quoteValue(name)}${suggestion}; the commands are ${names.join(', ')}\n\n${usage()}`);
    return EXIT.USAGE;
  }
  try {
    return await (await entry.load()).run(args, io);
  } catch (error) {
    if (error instanceof Error && USER_ERRORS.has(error.name)) {
      // The message may quote a path or a value from the command line or a file: each of its
      // lines with escapes written out, so an ESC or a bidi control in a PATH does not reach the terminal.
      io.stderr(`apigw-audit ${name}: ${visibleLines(error.message)}\n`);
      return EXIT.USAGE;
    }
    throw error;
  }
}
