import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../model/closest-name';
import { quoteValue } from '../model/quote-value';
import { SEVERITIES, type Severity } from '../model/severity';
import { UsageError } from './exit-codes';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs in strict mode, with its errors turned into usage errors in our words:
 * an unknown option names the one it most likely meant and the command's options; an option
 * without its value, and a file given without the option that takes it, say what to write.
 */
export function parseOptions<T extends Options>(args: string[], options: T, allowPositionals = false) {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  try {
    return parseArgs({ args, options: all, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message;
    const names = Object.keys(all).map((name) => `--${name}`);
    const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) throw new UsageError(`unknown option ${quoteValue(unknown)}${didYouMean(unknown, names, '')}; the options are ${names.join(', ')}`);
    const valueMissing = /^Option '(-{1,2}[\w-]+) <value>' argument missing|^Option '(-{1,2}[\w-]+)' argument is ambiguous/.exec(message);
    const option = valueMissing?.[1] ?? valueMissing?.[2];
    if (option !== undefined) throw new UsageError(`${option} needs a value after it (see --help)`);
    const positional = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
    if (positional !== undefined) {
      // `audit FILE` is the likeliest slip: the option that takes a file is named.
      const hint = 'snapshot' in options ? ` (did you mean --snapshot ${positional}?)` : '';
      throw new UsageError(`unexpected argument ${quoteValue(positional)}${hint}: this command takes only options (see --help)`);
    }
    throw new UsageError(message);
  }
}

export function severityOption(value: string | undefined, option: string, fallback: Severity): Severity {
  return choiceOption(value, option, SEVERITIES, fallback);
}

export function choiceOption<C extends string>(value: string | undefined, option: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${choices.join(', ')}; got ${quoteValue(value)}${didYouMean(value, choices)}`);
  return value as C;
}
