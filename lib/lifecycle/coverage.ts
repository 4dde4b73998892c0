import type { AuditInput } from '../engine/audit-result';
import type { AuditError } from '../model/finding';
import { atLeast, type Severity } from '../model/severity';
import type { FindingRecord } from './finding-record';

/** What a run read in one region. */
export interface RegionCoverage {
  region: string;
  /**
   * The run listed every API of the region (the listing completed and was not narrowed to
   * some APIs), so an API it did not list no longer exists and its findings are resolved.
   */
  allApisListed: boolean;
  /** APIs read completely: a finding on one of them that did not come back is resolved. */
  completeApis: readonly string[];
  /** APIs listed but not read completely: nothing on them is resolved. */
  incompleteApis: readonly string[];
}

/** How much of the account a run saw; a finding absent from the run proves nothing elsewhere. */
export interface Coverage {
  regions: readonly RegionCoverage[];
  /** Findings below this severity were not reported, so their absence proves nothing. */
  minSeverity: Severity;
  /** The run read everything it is configured to audit: not narrowed, nothing failed. */
  complete: boolean;
}

/** Whether the run could have seen this finding again: only then may its absence resolve it. */
export function covers(coverage: Coverage, record: FindingRecord): boolean {
  if (!atLeast(record.severity, coverage.minSeverity)) return false;
  // Several inputs may cover one region (snapshot files); an API incomplete in any of them stays unresolved.
  const regions = coverage.regions.filter((candidate) => candidate.region === record.region);
  if (regions.some((region) => region.incompleteApis.includes(record.apiId))) return false;
  return regions.some((region) => region.allApisListed || region.completeApis.includes(record.apiId));
}

export interface RunScope {
  /** A manual run narrowed to some APIs, regions or a higher severity. */
  narrowed: boolean;
  minSeverity: Severity;
  /**
   * APIs a narrowed run named that no longer exist (a change audit after DeleteApi), per
   * region: read completely, with nothing in them, so their findings are resolved.
   */
  deletedApis?: readonly { region: string; apiIds: readonly string[] }[];
}

/**
 * The coverage of an audit from what it read (one input per region) and every error of the
 * run (the result's errors: the inputs' own plus rule crashes). It is conservative: an input
 * that failed in a way no API id pins down (say, the API listing) covers nothing, because
 * which of its APIs were read completely is unknown; an API with any error is incomplete,
 * including one the snapshot left out: the live collector keeps only APIs it read completely,
 * so an API whose read failed is named by its error alone, and must not count as gone.
 */
export function coverageOf(inputs: readonly AuditInput[], errors: readonly AuditError[], scope: RunScope): Coverage {
  const failedApis = new Set(errors.flatMap((error) => (error.apiId === undefined ? [] : [error.apiId])));
  const regions = inputs.flatMap((input): RegionCoverage[] => {
    const inputErrors = input.errors ?? [];
    const unattributed = inputErrors.some((error) => error.apiId === undefined) || (input.complete === false && inputErrors.length === 0);
    if (unattributed) return [];
    const region = input.snapshot.region ?? '';
    const deleted = (scope.deletedApis ?? []).flatMap((gone) => (gone.region === region ? gone.apiIds : []));
    const apiIds = [...input.snapshot.apis.map((api) => api.ApiId), ...deleted];
    const unread = inputErrors.flatMap((error) => (error.apiId === undefined ? [] : [error.apiId]));
    return [
      {
        region,
        allApisListed: !scope.narrowed,
        completeApis: apiIds.filter((apiId) => !failedApis.has(apiId)),
        incompleteApis: [...new Set([...apiIds.filter((apiId) => failedApis.has(apiId)), ...unread])],
      },
    ];
  });
  const complete = !scope.narrowed && errors.length === 0 && regions.length === inputs.length && inputs.every((input) => input.complete !== false);
  return { regions, minSeverity: scope.minSeverity, complete };
}
