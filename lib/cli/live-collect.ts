import { parseMaxRate } from '../collect/adaptive-rate';
import { collectRegions } from '../collect/collect-regions';
import type { CollectResult } from '../collect/collect-account';
import type { CliIo } from './command';
import { UsageError } from './exit-codes';
import { ProgressLine } from './progress-line';

/** `--region R ...`, `--api ID ...` and `--max-rate N`: what a live walk reads, and how fast at most. */
export interface LiveScope {
  regions: string[];
  apiIds: string[];
  maxRate?: number;
}

/**
 * The shape of every AWS region name (eu-west-1, us-gov-west-1, cn-north-1). A mistyped one
 * would otherwise fail only after every retry of a DNS lookup for an endpoint that does not exist.
 */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Checks the live options; undefined when no region asks for a live walk. */
export function liveScope(regions: readonly string[] = [], apiIds: readonly string[] = [], maxRateText?: string): LiveScope | undefined {
  const bad = regions.find((region) => !REGION.test(region));
  if (bad !== undefined) throw new UsageError(`--region must be a region name such as eu-west-1; got "${bad}"`);
  const maxRate = maxRateText === undefined ? undefined : parseMaxRate(maxRateText);
  if (typeof maxRate === 'string') throw new UsageError(`--max-rate ${maxRate}`);
  if (regions.length === 0) {
    if (apiIds.length > 0) throw new UsageError('--api needs --region: it picks APIs of a live account');
    if (maxRate !== undefined) throw new UsageError('--max-rate needs --region: it paces the walk of a live account');
    return undefined;
  }
  return { regions: [...new Set(regions)], apiIds: [...new Set(apiIds)], ...(maxRate === undefined ? {} : { maxRate }) };
}

/**
 * Walks the scope's regions with the SDK's default credential chain (AWS_PROFILE, ...) and
 * endpoint resolution (AWS_ENDPOINT_URL_APIGATEWAYV2 for an emulator), showing progress on a
 * terminal. Deletions seen mid-walk are warnings on stderr; errors stay in the results.
 */
export async function collectLive(scope: LiveScope, io: CliIo): Promise<CollectResult[]> {
  const progress = new ProgressLine(io);
  let results: CollectResult[];
  try {
    results = await collectRegions(scope.regions, {
      ...(scope.apiIds.length === 0 ? {} : { apiIds: scope.apiIds }),
      ...(scope.maxRate === undefined ? {} : { ratePerSecond: scope.maxRate }),
      onProgress: (region, update) => progress.update(region, update),
    });
  } finally {
    progress.clear();
  }
  for (const { snapshot, warnings } of results) {
    for (const warning of warnings) io.stderr(`warning: ${snapshot.region}: ${warning.operation} ${warning.apiId}: ${warning.message}\n`);
  }
  return results;
}
