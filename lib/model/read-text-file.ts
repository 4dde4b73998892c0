import { open } from 'node:fs/promises';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/**
 * The largest input file read: V8 cannot hold a string much past 512 MB, and a snapshot of a
 * million integration responses is well below that.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** What the system's error codes for a file that cannot be opened mean, in words a user can act on. */
const MEANINGS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many files open at once; try again',
};

/**
 * `ATTEMPT: no such file or folder (ENOENT)`: the words say what is wrong, the code is kept
 * for a search; a code without words keeps only the code.
 */
export function failedFileAccess(attempt: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const meaning = code === undefined ? undefined : MEANINGS[code];
  return meaning === undefined ? `${attempt} (${code ?? String(error)})` : `${attempt}: ${meaning} (${code})`;
}

/** `cannot read the file: no such file or folder (ENOENT)`, for a message after the file's name. */
export function cannotRead(error: unknown, what: 'file' | 'folder' = 'file'): string {
  return failedFileAccess(`cannot read the ${what}`, error);
}

/**
 * Why a named input file could not be read, in words for a message after the file name; with
 * the system's code when opening it failed, for a reader to whom a missing file is no error.
 */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';

  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The UnreadableFile of a file that could not be opened: the code's meaning, and the code. */
function cannotOpen(error: unknown): UnreadableFile {
  return new UnreadableFile(cannotRead(error), (error as NodeJS.ErrnoException | undefined)?.code);
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
    throw cannotOpen(error);
  }
  try {
    refuseUnbounded(await handle.stat(), maxBytes);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The same, for a reader that cannot wait (a template reader following a file that a
 * template names, in the middle of evaluating it): the same checks, so a FIFO or a device
 * named as a nested template is refused rather than blocking the scan.
 */
export function readTextFileSync(file: string, maxBytes = MAX_INPUT_BYTES): string {
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw cannotOpen(error);
  }
  try {
    refuseUnbounded(fstatSync(descriptor), maxBytes);
    return readFileSync(descriptor, 'utf8');
  } finally {
    closeSync(descriptor);
  }
}

/** Only a regular file of at most maxBytes: anything else would block, never end or fill memory. */
function refuseUnbounded(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new UnreadableFile(`not a regular file (${stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a FIFO' : 'a device or socket'}); give the path of a file`);
  if (stats.size > maxBytes) throw new UnreadableFile(`the file is ${sizeText(stats.size)}, more than the ${sizeText(maxBytes)} an input may have`);
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.ceil(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}
