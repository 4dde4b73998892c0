import type { Finding } from '../model/finding';
import { severityRank } from '../model/severity';

/**
 * The one order every output uses: by API, most severe first, then rule, resource and path,
 * so two runs over the same configuration print the same lines in the same order.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compare(a.resource.region ?? '', b.resource.region ?? '') ||
      compare(a.resource.apiId, b.resource.apiId) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.resource.arn, b.resource.arn) ||
      compare(a.path, b.path),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
