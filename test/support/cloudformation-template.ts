import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The parts of a packaged CloudFormation template the stack tests read. */
export type Json = Record<string, unknown>;

export interface Resource {
  Type: string;
  Condition?: string;
  Properties: Json;
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
}

export interface Template {
  Resources: Record<string, Resource>;
  Conditions?: Json;
}

/** `sls package` with these params (offline), into `dir`: CloudFormation's template and the zips. */
export async function slsPackageInto(dir: string, ...params: string[]): Promise<void> {
  await promisify(execFile)(join('node_modules', '.bin', 'sls'), ['package', '--package', dir, ...params.map((param) => `--param=${param}`)], {
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
  });
}

/** The stack as CloudFormation receives it: `sls package` with these params (offline), into a temporary directory. */
export async function slsPackage(...params: string[]): Promise<Template> {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-package-'));
  try {
    await slsPackageInto(dir, ...params);
    return JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
