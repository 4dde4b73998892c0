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

/** A WebSocket API in Terraform, `aws_apigatewayv2_api.ws`, for tests to add resources to. */
export const WEBSOCKET_API_TF = `
resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}
`;
