import { readFile } from 'node:fs/promises';
import { ConfigError, parseAuditConfigText, type AuditConfig } from './audit-config';

/** Reads `--config FILE`; no file means the defaults (every rule on, catalog severities). */
export async function loadConfigFile(file: string | undefined): Promise<AuditConfig> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseAuditConfigText(text, file);
}
