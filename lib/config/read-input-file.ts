import { readFile } from 'node:fs/promises';
import { ConfigError } from './audit-config';

/** Reads a file the user named (configuration, suppressions, baseline); failure names the file. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
