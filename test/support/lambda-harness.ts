import type { Context } from 'aws-lambda';
import type { AuditResponse } from '../../lib/lambda/invoke-response';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import type { Snapshot } from '../../lib/model/snapshot';
import { startFakeAws, type FakeApiGatewayOptions, type FakeAws, type ServiceHandler } from './fake-aws';
import { FakeSecurityHub } from './fake-aws/securityhub';
import { FakeSns } from './fake-aws/sns';
import { SwappableApiGateway } from './fake-aws/swappable-api-gateway';
import { lambdaContext, scheduledEvent } from './lambda-context';

/**
 * The deployed handler end to end: the real SDK clients over HTTP against the loopback fake
 * (API Gateway V2, SNS and Security Hub), configured through the environment as serverless.yml does. Every
 * CloudWatch line (Powertools writes to the console in dev mode) and every SNS delivery of a
 * test lands in one timeline, in order.
 */
export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:apigw-audit-test-alerts`;
export const FUNCTION = { region: REGION, accountId: ACCOUNT, name: 'apigw-audit-test-audit', timeoutMs: 120_000 };
const ENV = {
  ALERT_TOPIC_ARN: TOPIC,
  AUDIT_REGIONS: REGION,
  ALERT_THRESHOLD: 'medium',
  // POWERTOOLS_DEV (test/setup-env.cjs) turns metrics off unless told otherwise.
  POWERTOOLS_METRICS_DISABLED: 'false',
};

export type Handler = (event: unknown, context: Context) => Promise<AuditResponse>;
type HandlerModule = typeof import('../../functions/audit');

/** A CloudWatch line (Powertools' own warnings are plain text, kept as `{ text }`) or an SNS delivery. */
export type Entry = { kind: 'log'; line: Record<string, unknown> } | { kind: 'publish' };

export class LambdaHarness {
  readonly sns = new FakeSns([TOPIC]);
  readonly securityHub = new FakeSecurityHub(ACCOUNT);
  timeline: Entry[] = [];
  fake!: FakeAws;
  /** The demo account (examples/demo-account.json), which every test starts from. */
  demo!: Snapshot;
  /** The handler as the stack configures it (no state table, no suppressions). */
  handler!: Handler;
  private apiGateway!: SwappableApiGateway;

  async start(): Promise<void> {
    this.demo = (await loadSnapshotFile('examples/demo-account.json')).snapshot;
    this.apiGateway = new SwappableApiGateway(this.demo);
    const recordingSns: ServiceHandler = {
      signingName: this.sns.signingName,
      handle: async (request) => {
        const reply = await this.sns.handle(request);
        if ('status' in reply && reply.status === 200) this.timeline.push({ kind: 'publish' });
        return reply;
      },
    };
    this.fake = await startFakeAws([this.apiGateway, recordingSns, this.securityHub]);
    Object.assign(process.env, ENV, { AWS_ENDPOINT_URL: this.fake.url });
    ({ handler: this.handler } = await import('../../functions/audit'));
  }

  /** The account the fake API Gateway serves from now on. */
  serve(snapshot: Snapshot, options?: FakeApiGatewayOptions): void {
    this.apiGateway.serve(snapshot, options);
  }

  /** Forgets the lines and deliveries recorded so far: a test with several runs looks at one at a time. */
  clear(): void {
    this.timeline = [];
    this.sns.published.length = 0;
  }

  /** A fresh timeline and the demo account, with the console recorded. */
  reset(): void {
    this.clear();
    this.sns.failWith(undefined);
    this.securityHub.reset();
    this.serve(this.demo);
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        const line = String(args[0]);
        this.timeline.push({ kind: 'log', line: line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : { text: line } });
      });
    }
  }

  invoke(event: unknown = scheduledEvent(FUNCTION), handler: Handler = this.handler): Promise<AuditResponse> {
    return handler(event, lambdaContext(FUNCTION));
  }

  lines(kind: string): Record<string, unknown>[] {
    return this.timeline.flatMap((entry) => (entry.kind === 'log' && entry.line.kind === kind ? [entry.line] : []));
  }
}

/** A harness for a test file: the fake starts once, and each test gets its own timeline. */
export function useLambdaHarness(): LambdaHarness {
  const harness = new LambdaHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.fake.close());
  beforeEach(() => harness.reset());
  afterEach(() => jest.restoreAllMocks());
  return harness;
}

/**
 * functions/audit.ts loaded afresh with `env` added while it loads, as a new container with
 * other deploy params: its settings are read at import (a bad value rejects the import), its
 * suppression file and state store at its first invocation.
 */
export async function loadHandler(env: Record<string, string>): Promise<HandlerModule> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let loaded: HandlerModule | undefined;
    await jest.isolateModulesAsync(async () => {
      loaded = await import('../../functions/audit');
    });
    if (loaded === undefined) throw new Error('functions/audit did not load');
    return loaded;
  } finally {
    process.env = saved;
  }
}
