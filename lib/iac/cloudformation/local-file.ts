import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { readTextFileSync, UnreadableFile } from '../../model/read-text-file';
import { displayPath } from '../display-path';
import { IacError } from '../iac-error';
import { parseTemplate, type TemplateSource } from './template-source';

/**
 * Why a file a template names (an OpenAPI definition, a nested stack's template) is not read:
 * it lies outside the working directory, or it is missing, not a regular file or too large.
 * The message is a reason to put after the name of what was not read.
 */
export class LocalFileRefused extends Error {
  override name = 'LocalFileRefused';
}

/**
 * The absolute path of a file a template names by a relative path (as `aws cloudformation
 * package` and `sam package` resolve it: from the template's folder), with symbolic links
 * followed. Only files inside the working directory are read, so a template cannot make the
 * scan read (and quote in its errors) a file elsewhere on the machine through `../` or a link;
 * and a link to a template is that template, so one that nests itself through a link is seen.
 */
export function localPath(templateFile: string, location: string): string {
  const path = resolve(dirname(templateFile), location);
  const outside = `${location} is outside the working directory, which the scan does not read (run the scan from a folder that holds both files)`;
  if (!isInside(process.cwd(), path)) throw new LocalFileRefused(outside);
  const real = realPath(path);
  if (real !== path && !isInside(realPath(process.cwd()), real)) throw new LocalFileRefused(`${location} is a link to a file outside the working directory, which the scan does not read`);
  return real;
}

function isInside(dir: string, path: string): boolean {
  const inside = relative(dir, path);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

/** The path with its links followed; as it is when it does not exist (reading it then says so). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reads and parses such a file (YAML or JSON): a regular file of at most maxBytes, parsed with
 * the template reader's own limits. A file that cannot be parsed is an IacError naming it and
 * the line.
 */
export function parseLocalFile(path: string, maxBytes?: number): { file: string; source: TemplateSource; bytes: number } {
  const file = displayPath(path);
  let text: string;
  try {
    text = readTextFileSync(path, maxBytes);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new LocalFileRefused(`${file}: ${error.message}`);
    throw error;
  }
  return { file, source: parseTemplate(text, file), bytes: Buffer.byteLength(text) };
}

/** Whether a thrown value is one of the two ways reading a named file fails. */
export function isLocalFileError(error: unknown): error is LocalFileRefused | IacError {
  return error instanceof LocalFileRefused || error instanceof IacError;
}
