import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SQSBatchResponse } from 'aws-lambda';
import type { QueueEvent } from '../../lib/lambda/change-audit';
import type { AuditResponse } from '../../lib/lambda/invoke-response';
import { securityHubExport } from '../../lib/lambda/security-hub-export';
import { RULES } from '../../lib/rules';
import { writeDeployedSuppressions } from '../../lib/suppressions/write-deployed-suppressions';
import { createStateTable } from './dynalite';
import { FUNCTION, loadHandler, type LambdaHarness } from './lambda-harness';
import { lambdaContext } from './lambda-context';

export interface TrackedDeployment {
  table: string;
  /** One invocation on the given day, with a fresh timeline. */
  run: (on: Date, event?: unknown) => Promise<AuditResponse>;
  /** One batch from the change queue, audited at the given time, with a fresh timeline. */
  deliver: (at: Date, batch: QueueEvent) => Promise<SQSBatchResponse>;
}

let tables = 0;

/**
 * A new deployment with change tracking (its own table in dynalite, a new container with the
 * given environment) whose runs happen on the day each run names. `securityHub` builds the
 * export's clients (a shorter retry backoff): the handler then has the export, as
 * functions/audit-with-security-hub.ts gives it.
 */
export async function deployTracked(harness: LambdaHarness, env: Record<string, string> = {}, securityHub?: (region: string, deadline: number) => SecurityHubClient): Promise<TrackedDeployment> {
  const table = `apigw-audit-test-state-${(tables += 1)}`;
  await createStateTable(table);
  const { createHandler } = await loadHandler({ STATE_TABLE: table, ...env });
  let today = new Date();
  const handler = createHandler(() => today, ...(securityHub === undefined ? [] : [securityHubExport(securityHub)]));
  return {
    table,
    run: (on, event) => {
      harness.clear();
      today = on;
      return harness.invoke(event, handler);
    },
    deliver: (at, batch) => {
      harness.clear();
      today = at;
      return handler(batch, lambdaContext(FUNCTION));
    },
  };
}

/** A suppression file as the user writes it (YAML) in `dir`, deployed as packaging does: the path of the JSON the function reads. */
export async function deployedSuppressions(dir: string, name: string, yaml: string): Promise<string> {
  const source = join(dir, `${name}.yml`);
  writeFileSync(source, yaml);
  const deployed = join(dir, `${name}.json`);
  await writeDeployedSuppressions(source, deployed, RULES.map((rule) => rule.meta));
  return deployed;
}
