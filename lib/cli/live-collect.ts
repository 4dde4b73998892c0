import { parseMaxRate } from '../collect/adaptive-rate';
import { collectRegions } from '../collect/collect-regions';
import type { CollectResult } from '../collect/collect-account';
import type { CliIo } from './command';
import { oneLine } from '../report/escape';
import { UsageError } from './exit-codes';
import { ProgressLine } from './progress-line';
import type { LiveAccount } from './role-accounts';

/** `--region R ...`, `--api ID ...`, `--max-rate N` and `--timeout T`: what a live walk reads, how fast at most, and for how long. */
export interface LiveScope {
  regions: string[];
  apiIds: string[];
  maxRate?: number;
  timeoutMs: number;
}

/**
 * A walk's default time limit: Lambda's maximum, which the deployed auditor lives with too.
 * At the quota's 10 calls/s that is about 9,000 calls, an account of several hundred APIs.
 */
export const DEFAULT_TIMEOUT = '15m';
/** A day: a longer walk is a mistake, and `setTimeout` cannot wait past 24.8 days anyway. */
const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `--timeout`: `90s`, `15m`, `1h`, or plain seconds. */
export function parseTimeout(text: string): number {
  const match = /^(\d{1,9})(ms|s|m|h)?$/.exec(text.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
  if (!(ms > 0 && ms <= MAX_TIMEOUT_MS)) throw new UsageError(`--timeout must be a duration from 1ms to 24h such as 90s, 15m or 1h; got "${text}"`);
  return ms;
}

/**
 * The shape of every AWS region name (eu-west-1, us-gov-west-1, cn-north-1). A mistyped one
 * would otherwise fail only after every retry of a DNS lookup for an endpoint that does not exist.
 */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Checks the live options; undefined when no region asks for a live walk. */
export function liveScope(regions: readonly string[] = [], apiIds: readonly string[] = [], maxRateText?: string, timeout = DEFAULT_TIMEOUT): LiveScope | undefined {
  const bad = regions.find((region) => !REGION.test(region));
  if (bad !== undefined) throw new UsageError(`--region must be a region name such as eu-west-1; got "${bad}"`);
  const maxRate = maxRateText === undefined ? undefined : parseMaxRate(maxRateText);
  if (typeof maxRate === 'string') throw new UsageError(`--max-rate ${maxRate}`);
  if (regions.length === 0) {
    if (apiIds.length > 0) throw new UsageError('--api needs --region: it picks APIs of a live account');
    if (maxRate !== undefined) throw new UsageError('--max-rate needs --region: it paces the walk of a live account');
    return undefined;
  }
  return { regions: [...new Set(regions)], apiIds: [...new Set(apiIds)], ...(maxRate === undefined ? {} : { maxRate }), timeoutMs: parseTimeout(timeout) };
}

/**
 * Walks the scope's regions with the SDK's default credential chain (AWS_PROFILE, ...) and
 * endpoint resolution (AWS_ENDPOINT_URL_APIGATEWAYV2 for an emulator), showing progress on a
 * terminal. Deletions seen mid-walk are warnings on stderr; errors stay in the results.
 * With `accounts` (--role-arn), each account's regions instead, with its credentials: every
 * account-region at once, each with its own quota and so its own rate limiter.
 */
export async function collectLive(scope: LiveScope, io: CliIo, accounts?: readonly LiveAccount[]): Promise<CollectResult[]> {
  const progress = new ProgressLine(io);
  const walk = (account: LiveAccount | undefined) =>
    collectRegions(scope.regions, {
      ...(scope.apiIds.length === 0 ? {} : { apiIds: scope.apiIds }),
      ...(scope.maxRate === undefined ? {} : { ratePerSecond: scope.maxRate }),
      ...(account === undefined ? {} : { credentials: account.credentials }),
      // At it, calls in flight are aborted and every API not read is an error: exit 3, never a hang.
      deadline: Date.now() + scope.timeoutMs,
      onProgress: (region, update) => progress.update(account === undefined ? region : `${account.accountId} ${region}`, update),
    }).then((results) => (account === undefined ? results : results.map((result) => ({ ...result, snapshot: { ...result.snapshot, accountId: account.accountId } }))));
  let results: CollectResult[];
  try {
    results = accounts === undefined ? await walk(undefined) : (await Promise.all(accounts.map(walk))).flat();
  } finally {
    progress.clear();
  }
  for (const { snapshot, warnings } of results) {
    const where = [snapshot.accountId, snapshot.region].filter(Boolean).join(' ');
    for (const warning of warnings) io.stderr(`${oneLine(`warning: ${where}: ${warning.operation} ${warning.apiId}: ${warning.message}`)}\n`);
  }
  return results;
}
