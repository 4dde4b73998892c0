import { open } from 'node:fs/promises';
import { constants } from 'node:fs';

/**
 * The largest input file read: V8 cannot hold a string much past 512 MB, and a snapshot of a
 * million integration responses is well below that.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Why a named input file could not be read, in words for a message after the file name. */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}

/**
 * Reads an input file the user named, in bounded time and memory: only a regular file (a
 * FIFO, a device or a directory would block or never end), at most MAX_INPUT_BYTES. It is
 * opened without blocking, so a FIFO with no writer is refused instead of waited on.
 */
export async function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFile(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnreadableFile(`not a regular file (${stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a FIFO' : 'a device or socket'}); give the path of a file`);
    if (stats.size > maxBytes) throw new UnreadableFile(`the file is ${Math.ceil(stats.size / 1024 / 1024)} MB, more than the ${maxBytes / 1024 / 1024} MB an input may have`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
