import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The absolute path of a file the function ships with (SUPPRESSIONS_FILE, relative to the
 * package root), found from the handler's own folder and its parents rather than from the
 * working directory: Lambda runs the handler from /var/task (package root /var/task, the
 * bundle in /var/task/functions), but `serverless invoke local` runs serverless-esbuild's
 * bundle from .esbuild/.build with that as its working directory, where the file is not, and the
 * service directory above it holds the one packaging wrote. `from` is the bundle's folder.
 * A file found nowhere keeps its working-directory path, whose read error then names it.
 */
export function besideHandler(file: string, from: string = __dirname): string {
  if (isAbsolute(file)) return file;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(file);
  }
}
