import { evaluate } from '../../lib/engine/evaluate';
import type { Finding } from '../../lib/model/finding';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { RULES } from '../../lib/rules';
import { FIXTURES, scanAll } from './scan-support';

/**
 * The "done when": `scan` finds in a template the same problems that `audit` finds in
 * the account the template would create. Each pair is a fixture and a snapshot of that account
 * written by hand (ids are the logical ids / Terraform addresses), evaluated with every rule.
 * Only what a scan adds may differ: the location, the logical id, and the fingerprint (scoped
 * to the file, so two templates that both name an API `Api` hold two resources).
 */
const PAIRS: Record<string, [template: string, snapshot: string]> = {
  'CloudFormation, WebSocket MOCK route': [`${FIXTURES}/cloudformation/mock-default-route-mistakes.yaml`, `${FIXTURES}/equivalent/mock-default-route-mistakes.snapshot.json`],
  'CloudFormation, HTTP API response mappings': [`${FIXTURES}/cloudformation/http-api-response-parameters-mistakes.yaml`, `${FIXTURES}/equivalent/http-api-response-parameters-mistakes.snapshot.json`],
  'Terraform, WebSocket to SQS and DynamoDB': [`${FIXTURES}/terraform/websocket-sqs-mistakes`, `${FIXTURES}/equivalent/websocket-sqs-mistakes.snapshot.json`],
};

const comparable = ({ location: _location, fingerprint: _fingerprint, resource: { logicalId: _logicalId, ...resource }, ...finding }: Finding) => ({ ...finding, resource });

describe('scan of a template = evaluate of the snapshot it would deploy', () => {
  test.each(Object.entries(PAIRS))('%s', async (_name, [template, snapshotFile]) => {
    const scanned = await scanAll(template);
    const { snapshot } = await loadSnapshotFile(snapshotFile);
    const audited = evaluate(snapshot, RULES.map((rule) => ({ rule })));
    expect(scanned.errors).toEqual([]);
    expect(audited.errors).toEqual([]);
    expect(scanned.summary.unresolved).toBe(0);
    expect(scanned.findings.length).toBeGreaterThan(0);
    expect(scanned.findings.map(comparable)).toEqual(audited.findings.map(comparable));
    for (const finding of scanned.findings) {
      expect(finding.location?.file.startsWith(template)).toBe(true);
      expect(finding.location?.line).toBeGreaterThan(0);
      expect(finding.resource.logicalId).toBeDefined();
    }
  });
});
