import { readTextFile, UnreadableFile } from '../model/read-text-file';
import { ConfigError } from './audit-config';

/** Reads a file the user named (configuration, suppressions, baseline); failure names the file. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readTextFile(file);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
}
