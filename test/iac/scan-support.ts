import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { scan, type ScanResult } from '../../lib/iac/scan';
import { RULES } from '../../lib/rules';

/** Scans with every rule on, at every severity, as `apigw-audit scan PATH...` does by default. */
export function scanAll(...paths: string[]): Promise<ScanResult> {
  return scan(paths, RULES.map((rule) => ({ rule })), 'info');
}

export const FIXTURES = 'test/fixtures/iac';

/** Writes files (paths relative to a fresh temporary folder) and returns the folder. */
export function writeFolder(files: Record<string, string>): string {
  return writeFiles(mkdtempSync(join(tmpdir(), 'apigw-audit-tf-')), files);
}

const foldersInside: string[] = [];
afterAll(() => foldersInside.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * The same inside the working directory (under dist/, which git ignores), as a path relative to
 * it: the scan reads a file a template names (an OpenAPI definition, a nested template) only
 * there. Removed when the test file ends.
 */
export function writeFolderInside(prefix: string, files: Record<string, string>): string {
  mkdirSync('dist', { recursive: true });
  const root = relative(process.cwd(), mkdtempSync(join('dist', prefix)));
  foldersInside.push(root);
  return writeFiles(root, files);
}

function writeFiles(dir: string, files: Record<string, string>): string {
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
