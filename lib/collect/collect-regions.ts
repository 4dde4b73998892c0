import { collectAccount, type CollectOptions, type CollectProgress, type CollectResult } from './collect-account';

export interface RegionsOptions extends Omit<CollectOptions, 'region' | 'onProgress'> {
  onProgress?: (region: string, progress: CollectProgress) => void;
}

/**
 * Walks several regions at once: each has its own management quota, so they do not slow each
 * other down. `apiIds` name APIs wherever they are: an id is an error only in a region when
 * no region has it, not in every region that happens not to.
 */
export async function collectRegions(regions: readonly string[], options: RegionsOptions): Promise<CollectResult[]> {
  const { onProgress, ...shared } = options;
  const results = await Promise.all(regions.map((region) => collectAccount({ ...shared, region, ...(onProgress === undefined ? {} : { onProgress: (progress) => onProgress(region, progress) }) })));
  const foundSomewhere = new Set(results.flatMap((result) => result.selected));
  return results.map((result) => {
    // A GetApis error naming an API is the collector's "no API with this id here".
    const errors = result.errors.filter((error) => !(error.operation === 'GetApis' && error.apiId !== undefined && foundSomewhere.has(error.apiId)));
    return { ...result, errors, complete: errors.length === 0 };
  });
}
