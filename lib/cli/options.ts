import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isSeverity, SEVERITIES, type Severity } from '../model/severity';
import { UsageError } from './exit-codes';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, with its errors turned into usage errors. */
export function parseOptions<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function severityOption(value: string | undefined, option: string, fallback: Severity): Severity {
  if (value === undefined) return fallback;
  if (!isSeverity(value)) throw new UsageError(`${option} must be one of ${SEVERITIES.join(', ')}; got "${value}"`);
  return value;
}

export function choiceOption<C extends string>(value: string | undefined, option: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${choices.join(', ')}; got "${value}"`);
  return value as C;
}
