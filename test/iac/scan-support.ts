import { scan, type ScanResult } from '../../lib/iac/scan';
import { RULES } from '../../lib/rules';

/** Scans with every rule on, at every severity, as `apigw-audit scan PATH...` does by default. */
export function scanAll(...paths: string[]): Promise<ScanResult> {
  return scan(paths, RULES.map((rule) => ({ rule })), 'info');
}

export const FIXTURES = 'test/fixtures/iac';
