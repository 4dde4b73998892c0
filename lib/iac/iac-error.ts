import type { Position } from './source-map';

/**
 * A file the scan cannot read as what it claims to be (bad YAML, an unknown tag, a reference
 * cycle, a missing file in `file()`): the message names the file and, when known, the line.
 * The scan reports it as an error for that file and goes on with the others.
 */
export class IacError extends Error {
  override name = 'IacError';

  constructor(
    readonly file: string,
    /** The message without the file and position, to restate the error in another context. */
    readonly detail: string,
    readonly position?: Position,
  ) {
    super(`${file}${position === undefined ? '' : `:${position.line}:${position.column}`}: ${detail}`);
  }
}
