import type { Snapshot } from '../../lib/model/snapshot';
import { SNS_MAX_ATTRIBUTES, SNS_MAX_MESSAGE_BYTES } from '../../lib/report/digest';
import type { FaultRule } from '../support/fake-aws';
import { ACCOUNT, loadHandler, REGION, TOPIC, useLambdaHarness, type Entry } from '../support/lambda-harness';

/**
 * The deployed handler end to end against the loopback fake, as the stack configures it but
 * without a state table (change tracking: test/lambda/change-tracking.test.ts).
 */
const harness = useLambdaHarness();
const { sns } = harness;

const invoke = (event?: unknown) => harness.invoke(event);
const lines = (kind: string) => harness.lines(kind);
const indexOf = (predicate: (entry: Entry) => boolean) => harness.timeline.findIndex(predicate);
const lastIndexOf = (predicate: (entry: Entry) => boolean) => Math.max(...harness.timeline.flatMap((entry, index) => (predicate(entry) ? [index] : [])));
const isKind = (kind: string) => (entry: Entry) => entry.kind === 'log' && entry.line.kind === kind;
const isMetric = (name: string) => (entry: Entry) => entry.kind === 'log' && entry.line._aws !== undefined && name in entry.line;

describe('a scheduled run', () => {
  test('logs every finding, then the summary and the metrics, then publishes one digest', async () => {
    const response = await invoke();

    const findings = lines('finding');
    expect(findings).toHaveLength(response.summary.findings);
    expect(response.summary).toMatchObject({ apisAudited: 3, complete: true, errors: 0 });
    // The finding's own fields at the top level; its message is the line's message.
    const ir004 = findings.find((line) => line.ruleId === 'IR004')!;
    expect(ir004).toMatchObject({
      level: 'INFO',
      kind: 'finding',
      rule: 'ir-response-param-key-invalid',
      severity: 'high',
      path: 'ResponseParameters["method.response.headr.X-Request-Id"]',
      resource: { type: 'IntegrationResponse', accountId: ACCOUNT, region: REGION, apiId: 'k3chat7ws1', arn: `arn:aws:apigateway:${REGION}::/apis/k3chat7ws1/integrations/ping01/integrationresponses/pr1` },
      function_request_id: expect.any(String),
      runStartedAt: expect.any(String),
    });
    expect(ir004.message).toMatch(/does not match method\.response\.header/);
    expect(Object.keys(ir004)).toEqual(expect.arrayContaining(['ruleId', 'rule', 'severity', 'title', 'message', 'resource', 'path', 'remediation', 'fingerprint']));

    const [summary] = lines('audit-summary');
    expect(summary).toMatchObject({ kind: 'audit-summary', findings: response.summary.findings, alertThreshold: 'medium', trigger: 'schedule', complete: true });

    const lastFinding = lastIndexOf(isKind('finding'));
    // Every finding has its line before change tracking: the lifecycle lines come after it.
    expect(lastFinding).toBeLessThan(indexOf(isKind('finding-lifecycle')));
    expect(lines('finding-lifecycle')).toHaveLength(response.summary.findings);
    const summaryAt = indexOf(isKind('audit-summary'));
    const errorsMetricAt = indexOf(isMetric('AuditErrors'));
    const publishAt = indexOf((entry) => entry.kind === 'publish');
    expect(lastFinding).toBeLessThan(summaryAt);
    expect(summaryAt).toBeLessThan(errorsMetricAt);
    expect(errorsMetricAt).toBeLessThan(publishAt);

    const findingsMetrics = harness.timeline.flatMap((entry) => (entry.kind === 'log' && 'Findings' in entry.line ? [entry.line] : []));
    expect(Object.fromEntries(findingsMetrics.map((line) => [line.severity, line.Findings]))).toEqual(response.summary.bySeverity);
    expect(harness.timeline.find(isMetric('AuditErrors'))).toMatchObject({ line: { AuditErrors: 0, ApisAudited: 3, UnreachedApis: 0 } });
    expect(harness.timeline.find(isMetric('DigestPartsPublished'))).toMatchObject({ line: { DigestPartsPublished: 1 } });

    expect(response.digest).toMatchObject({ status: 'published', parts: 1 });
    expect(sns.published).toHaveLength(1);
  });

  test('the digest is readable, grouped by severity and API, and its attributes let subscribers filter', async () => {
    const response = await invoke();
    const [digest] = sns.published;
    const alerting = response.findings.filter((finding) => ['critical', 'high', 'medium'].includes(finding.severity));

    expect(digest!.subject!.length).toBeLessThan(100);
    expect(digest!.subject).not.toMatch(/[\r\n]/);
    expect(digest!.subject).toBe(`apigw-audit: 1 critical, 11 high, 2 medium | ${ACCOUNT} ${REGION}`);

    expect(Object.keys(digest!.attributes).length).toBeLessThanOrEqual(SNS_MAX_ATTRIBUTES);
    expect(Object.values(digest!.attributes).every((attribute) => attribute.dataType === 'String')).toBe(true);
    expect(Object.fromEntries(Object.entries(digest!.attributes).map(([name, { value }]) => [name, value]))).toEqual({
      highestSeverity: 'critical',
      findings: String(alerting.length),
      critical: '1',
      high: '11',
      medium: '2',
      low: '0',
      info: '0',
      accountId: ACCOUNT,
      region: REGION,
      complete: 'true',
    });

    const body = digest!.message;
    const headings = [...body.matchAll(/^== (\w+) ==$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['CRITICAL', 'HIGH', 'MEDIUM']);
    const entries = [...body.matchAll(/^ {2}(\w+) (\S+) \((certain|policy|heuristic|security)\): .*\n {4}Resource: +\S+ \((\S+)\)\n(?: {4}Path: +.*\n)? {4}Message: +(.*)\n {4}Remediation: +(.+)$/gm)];
    expect(entries.map((entry) => `${entry[1]} ${entry[3]} ${entry[4]} ${entry[5]}`).sort()).toEqual(alerting.map((finding) => `${finding.ruleId} ${finding.ruleKind} ${finding.resource.arn} ${finding.message}`).sort());
    expect(body).toContain('chat-ws (k3chat7ws1, WEBSOCKET, eu-west-1)');
    expect(body).toMatch(/^This run's log lines \(CloudWatch Logs Insights\): https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:logs-insights\$3FqueryDetail/m);
    expect(body).not.toContain('INCOMPLETE');
  });

  test('an incomplete audit says so in the digest, its attributes, an error line and the AuditErrors metric', async () => {
    const faults: FaultRule[] = [{ kind: 'deny', operation: 'GetRoutes', apiId: 'p9notify22' }];
    harness.serve(harness.demo, { faults });
    const response = await invoke();

    expect(response.summary).toMatchObject({ complete: false, errors: 1, apisAudited: 2 });
    expect(lines('audit-error')).toEqual([expect.objectContaining({ level: 'ERROR', source: 'collector', operation: 'GetRoutes', apiId: 'p9notify22' })]);
    expect(harness.timeline.find(isMetric('AuditErrors'))).toMatchObject({ line: { AuditErrors: 1 } });
    const [digest] = sns.published;
    expect(digest!.subject).toMatch(/ \| INCOMPLETE$/);
    expect(digest!.attributes.complete!.value).toBe('false');
    expect(digest!.message).toMatch(/^THE AUDIT IS INCOMPLETE \(1 error\): .* a missing finding proves nothing\.\n {2}- collector GetRoutes p9notify22: /m);
  });
});

describe('a manual run', () => {
  test('a dry run logs everything and publishes nothing', async () => {
    const before = harness.fake.requests.length;
    const response = await invoke({ dryRun: true });
    expect(response.digest).toEqual({ status: 'dry run', parts: 1 });
    expect(lines('finding')).toHaveLength(response.summary.findings);
    expect(sns.published).toHaveLength(0);
    expect(harness.fake.requests.slice(before).filter((request) => request.service === 'sns')).toEqual([]);
  });

  test('it narrows the run to the named APIs and the minimum severity', async () => {
    const response = await invoke({ apiIds: ['k3chat7ws1'], regions: [REGION], minSeverity: 'high' });
    expect(response.summary.apisAudited).toBe(1);
    expect(new Set(response.findings.map((finding) => finding.resource.apiId))).toEqual(new Set(['k3chat7ws1']));
    expect(response.findings.every((finding) => finding.severity === 'high' || finding.severity === 'critical')).toBe(true);
    expect(lines('audit-summary')[0]).toMatchObject({ trigger: 'manual', apiIds: ['k3chat7ws1'], minSeverity: 'high' });
  });

  test.each([
    ['an unknown key', { dryrun: true }, 'invalid event: dryrun: Unrecognized key'],
    ['a wrong type', { dryRun: 'yes' }, 'invalid event: dryRun: Invalid input: expected boolean, received string'],
    ['regions as a string', { regions: 'eu-west-1' }, 'invalid event: regions: Invalid input: expected array, received string'],
    ['a malformed region', { regions: ['Ireland'] }, 'invalid event: regions[0]: a region looks like "eu-west-1"'],
    ['an unknown severity', { minSeverity: 'urgent' }, 'invalid event: minSeverity: Invalid option'],
    ['a region this deployment does not audit', { regions: ['us-west-2'] }, 'invalid event: regions: us-west-2 is not audited by this deployment (AUDIT_REGIONS: eu-west-1)'],
    ['not an object', 'audit please', 'invalid event: (event): Invalid input: expected object, received string'],
  ])('%s is rejected before any AWS call', async (_name, event, message) => {
    const before = harness.fake.requests.length;
    await expect(invoke(event)).rejects.toMatchObject({ name: 'EventError', message: expect.stringContaining(message) });
    expect(harness.fake.requests.length).toBe(before);
  });
});

describe('alerting', () => {
  test('a digest over 256 KB is split into numbered parts that each fit, and together hold every finding', async () => {
    const keys = 1_500;
    harness.serve(oneApiWithBadParameterKeys(keys));
    const response = await invoke();

    const digests = sns.published;
    expect(response.digest).toMatchObject({ status: 'published', parts: digests.length });
    expect(digests.length).toBeGreaterThan(1);
    for (const [index, digest] of digests.entries()) {
      expect(digest.bytes).toBeLessThanOrEqual(SNS_MAX_MESSAGE_BYTES);
      expect(digest.subject).toMatch(new RegExp(` \\(${index + 1}/${digests.length}\\)$`));
      expect(digest.subject!.length).toBeLessThan(100);
      expect(digest.message).toContain(`Part ${index + 1} of ${digests.length}.`);
      expect(digest.message).toMatch(/^apigw-audit: \d+ findings at or above medium in account/);
    }
    expect(digests[1]!.message).toMatch(/^== HIGH \(continued\) ==\n\nbig-ws \(big0000001, WEBSOCKET, eu-west-1\) \(continued\)$/m);
    // The parts are nearly full: the split happens at the limit, not long before it.
    expect(digests[0]!.bytes).toBeGreaterThan(SNS_MAX_MESSAGE_BYTES - 2_000);
    const ir004 = digests.flatMap((digest) => [...digest.message.matchAll(/^ {2}IR004 .*\n.*\n {4}Path: +(.*)$/gm)].map((match) => match[1]));
    expect(ir004).toHaveLength(keys);
    expect(new Set(ir004).size).toBe(keys);
  });

  test('throttling is retried by the SDK', async () => {
    sns.failWith({ kind: 'throttle', times: 1 });
    const response = await invoke();
    expect(response.digest).toMatchObject({ status: 'published' });
    const attempts = harness.fake.requests.filter((request) => request.service === 'sns').slice(-2);
    expect(attempts.map((request) => [request.status, request.attempt])).toEqual([
      [400, 1],
      [200, 2],
    ]);
  });

  test('an SNS outage fails the invocation after the findings and the summary are logged', async () => {
    sns.failWith({ kind: 'server-error' });
    const before = harness.fake.requests.length;
    await expect(invoke()).rejects.toMatchObject({ name: 'AlertError', message: expect.stringContaining(`SNS did not take the digest (topic ${TOPIC}): InternalError`) });

    expect(lines('finding').length).toBeGreaterThan(0);
    expect(lines('audit-summary')).toHaveLength(1);
    expect(sns.published).toHaveLength(0);
    // The SDK's own retries ran first: three attempts of the one Publish.
    expect(harness.fake.requests.slice(before).filter((request) => request.service === 'sns').map((request) => request.attempt)).toEqual([1, 2, 3]);
    expect(harness.timeline.find(isMetric('DigestPartsPublished'))).toMatchObject({ line: { DigestPartsPublished: 0 } });
  });
});

describe('configuration', () => {
  test.each([
    ['ALERT_TOPIC_ARN', { ALERT_TOPIC_ARN: 'my-topic' }, 'ALERT_TOPIC_ARN: must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME); got "my-topic"'],
    ['ALERT_TOPIC_ARN (a control character, quoted back escaped)', { ALERT_TOPIC_ARN: 'my\u0007topic' }, 'got "my\\u0007topic"'],
    ['SECURITY_HUB', { SECURITY_HUB: 'yes' }, 'SECURITY_HUB: must be "true" or "false"; got "yes"'],
    ['ALERT_THRESHOLD', { ALERT_THRESHOLD: 'urgent' }, 'ALERT_THRESHOLD: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"; got "urgent"'],
    ['AUDIT_REGIONS', { AUDIT_REGIONS: 'eu-west-1,Frankfurt' }, 'AUDIT_REGIONS: each region must look like "eu-west-1"; got "eu-west-1,Frankfurt"'],
    ['AUDIT_CONFIG (JSON)', { AUDIT_CONFIG: '{rules:' }, 'AUDIT_CONFIG: not valid JSON: '],
    ['AUDIT_CONFIG (JSON, quoted back)', { AUDIT_CONFIG: '{rules:' }, '; got "{rules:"'],
    ['AUDIT_CONFIG (a rule that does not exist)', { AUDIT_CONFIG: '{"rules":{"IR999":"off"}}' }, 'AUDIT_CONFIG: rules.IR999: no rule has this id or name'],
    ['ALERT_MODE', { ALERT_MODE: 'daily' }, 'ALERT_MODE: Invalid option: expected one of "changes"|"every-run"; got "daily"'],
    ['STATE_TABLE', { STATE_TABLE: 'my table' }, 'STATE_TABLE: must be a DynamoDB table name (3 to 255 letters, digits, "_", "-" or "."); got "my table"'],
    ['STATE_RETENTION_DAYS', { STATE_RETENTION_DAYS: '90d' }, 'STATE_RETENTION_DAYS: must be a whole number of days; got "90d"'],
    ['STATE_RETENTION_DAYS (zero)', { STATE_RETENTION_DAYS: '0' }, 'STATE_RETENTION_DAYS: must be at least 1 day; got "0"'],
    ['AUDIT_MAX_RATE', { AUDIT_MAX_RATE: '0' }, 'AUDIT_MAX_RATE: must be a number of requests per second above 0 and at most 10 (the quota); got "0"'],
  ])('a bad %s fails the cold start, naming the variable', async (_name, env, message) => {
    await expect(loadHandler(env)).rejects.toMatchObject({ name: 'ConfigError', message: expect.stringContaining(message) });
  });
});

/** One WebSocket API whose only integration response has `keys` misspelt parameter keys (IR004 each). */
function oneApiWithBadParameterKeys(keys: number): Snapshot {
  const parameters = Object.fromEntries(Array.from({ length: keys }, (_, i) => [`method.response.headr.X-Custom-Header-${String(i).padStart(5, '0')}`, "'static'"]));
  return {
    region: REGION,
    apis: [
      {
        ApiId: 'big0000001',
        Name: 'big-ws',
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
        integrations: [
          {
            IntegrationId: 'mock01',
            IntegrationType: 'MOCK',
            integrationResponses: [{ IntegrationResponseId: 'ir0001', IntegrationResponseKey: '$default', ResponseParameters: parameters }],
          },
        ],
        routes: [{ RouteId: 'route01', RouteKey: 'ping', Target: 'integrations/mock01', routeResponses: [] }],
      },
    ],
  };
}
