import { parseAuditConfigText, type AuditConfig } from './audit-config';
import { readInputFile } from './read-input-file';

/** Reads `--config FILE`; no file means the defaults (every rule on, catalog severities). */
export async function loadConfigFile(file: string | undefined): Promise<AuditConfig> {
  if (file === undefined) return {};
  return parseAuditConfigText(await readInputFile(file), file);
}
