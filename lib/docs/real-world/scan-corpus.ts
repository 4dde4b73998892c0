import type { Finding } from '../../model/finding';
import { scan } from '../../iac/scan';
import { RULES } from '../../rules';
import type { CorpusConfiguration } from './corpus-files';

/**
 * A finding's label key: rule id, resource (its logical id or Terraform address) and property
 * path. It names the mistake, not where it is written, so it survives edits that move lines.
 */
export function findingKey(finding: Finding): string {
  return `${finding.ruleId} ${finding.resource.logicalId ?? finding.resource.arn} ${finding.path}`;
}

/** What one scan of one configuration produced, in the terms the labels use. */
export interface ConfigurationRun {
  configuration: CorpusConfiguration;
  apis: number;
  /** Messages of files the scan could not read. */
  loaderErrors: string[];
  /** Every warning and error message, for labels that expect the scan to say something. */
  messages: string[];
  findings: { key: string; ruleId: string }[];
  /** Why each unresolved value could not be resolved. */
  unresolvedReasons: string[];
}

/** Scans one configuration folder as `apigw-audit scan DIR` does, with every rule at every severity. */
export async function scanConfiguration(configuration: CorpusConfiguration): Promise<ConfigurationRun> {
  const result = await scan([configuration.dir], RULES.map((rule) => ({ rule })), 'info');
  return {
    configuration,
    apis: result.summary.apisAudited,
    loaderErrors: result.errors.filter((error) => error.source === 'loader').map((error) => error.message),
    messages: [...result.warnings.map((warning) => warning.message), ...result.errors.map((error) => error.message)],
    findings: result.findings.map((finding) => ({ key: findingKey(finding), ruleId: finding.ruleId })),
    unresolvedReasons: result.unresolved.map((value) => value.reason),
  };
}

/** Scans every configuration, one after another (the corpus is small; order keeps the report stable). */
export async function scanCorpus(configurations: readonly CorpusConfiguration[]): Promise<ConfigurationRun[]> {
  const runs: ConfigurationRun[] = [];
  for (const configuration of configurations) runs.push(await scanConfiguration(configuration));
  return runs;
}

/** True when a forbidden entry (a full key, or its leading fields: a rule id, or a rule id and resource) matches a finding key. */
export function forbids(entry: string, key: string): boolean {
  return key === entry || key.startsWith(`${entry} `);
}
