import { relative, resolve, sep } from 'node:path';

/**
 * A path as the scan reports it: relative to the working directory (the repository root in
 * CI) when inside it, with `/`, so locations and SARIF URIs are the same on every machine.
 */
export function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), resolve(path));
  const shown = relativePath === '' ? '.' : relativePath.startsWith('..') ? resolve(path) : relativePath;
  return shown.split(sep).join('/');
}
