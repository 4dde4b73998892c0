import { readTextFile } from '../model/read-text-file';
import { displayPath } from './display-path';
import { IacError } from './iac-error';

/**
 * The text of a file the scan reads (a template, serverless.yml, a .tf file), as every input is
 * read: only a regular file of bounded size, so a FIFO or a link to /dev/zero is refused at once.
 * Why it cannot be read is an IacError naming the file.
 */
export async function readSourceFile(file: string): Promise<string> {
  try {
    return await readTextFile(file);
  } catch (error) {
    throw new IacError(displayPath(file), (error as Error).message);
  }
}
