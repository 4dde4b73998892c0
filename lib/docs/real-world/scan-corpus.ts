import { scan } from '../../iac/scan';
import { RULES } from '../../rules';
import type { CorpusConfiguration } from './corpus-files';
import { findingKey } from './finding-key';

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
