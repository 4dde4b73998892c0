import type { Finding } from '../../model/finding';

/**
 * A finding's label key: rule id, resource (its logical id or Terraform address) and property
 * path. It names the mistake, not where it is written, so it survives edits that move lines.
 */
export function findingKey(finding: Finding): string {
  return `${finding.ruleId} ${finding.resource.logicalId ?? finding.resource.arn} ${finding.path}`;
}

/** True when a forbidden entry (a full key, or its leading fields: a rule id, or a rule id and resource) matches a finding key. */
export function forbids(entry: string, key: string): boolean {
  return key === entry || key.startsWith(`${entry} `);
}
