import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan, type ScanResult } from '../../lib/iac/scan';
import { RULES } from '../../lib/rules';

/** Scans with every rule on, at every severity, as `apigw-audit scan PATH...` does by default. */
export function scanAll(...paths: string[]): Promise<ScanResult> {
  return scan(paths, RULES.map((rule) => ({ rule })), 'info');
}

export const FIXTURES = 'test/fixtures/iac';

/** Writes files (paths relative to a fresh temporary folder) and returns the folder. */
export function writeFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-tf-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
