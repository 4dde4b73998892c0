import { join } from 'node:path';
import { readTextFile, UnreadableFile } from '../../model/read-text-file';
import { isPlainObject } from '../../rules/values';
import { displayPath } from '../display-path';
import { IacError } from '../iac-error';

/**
 * Where `terraform init` downloaded the configuration's registry and git modules:
 * `.terraform/modules/modules.json` lists each by key (the module call names from the root,
 * joined by dots: `api`, `api.routes`) with its folder relative to the root. None when the
 * configuration was never initialised.
 */
export async function readModuleManifest(rootDir: string): Promise<Map<string, string>> {
  const file = join(rootDir, '.terraform', 'modules', 'modules.json');
  // Bounded like every other input: a FIFO or a device here is refused, not waited on.
  const text = await readTextFile(file).catch((error: unknown) => {
    if (!(error instanceof UnreadableFile)) throw error;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new IacError(displayPath(file), error.message);
  });
  const dirs = new Map<string, string>();
  if (text === undefined) return dirs;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new IacError(displayPath(file), `not valid JSON: ${(error as Error).message}`);
  }
  const modules = isPlainObject(manifest) && Array.isArray(manifest['Modules']) ? manifest['Modules'] : [];
  for (const module of modules) {
    if (isPlainObject(module) && typeof module['Key'] === 'string' && module['Key'] !== '' && typeof module['Dir'] === 'string') dirs.set(module['Key'], module['Dir']);
  }
  return dirs;
}
