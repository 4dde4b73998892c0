import { collectAccount } from '../../lib/collect/collect-account';
import type { Clock } from '../../lib/collect/clock';
import { activeRules } from '../../lib/config/active-rules';
import { runAudit } from '../../lib/engine/audit-result';
import { readWalk } from '../../lib/fleet/read-walk';
import { walkPrefix, type WalkCursor } from '../../lib/fleet/walk-cursor';
import { MAX_WALK_INVOCATIONS, walkStep, type WalkStepOptions } from '../../lib/fleet/walk-step';
import { WalkStore } from '../../lib/fleet/walk-store';
import type { Snapshot } from '../../lib/model/snapshot';
import { RULES } from '../../lib/rules';
import { fakeApiGatewayV2, minimalCalls, sampleAccount, startFakeAws, type FakeAws, type FakeApiGatewayOptions, type ServiceHandler } from '../support/fake-aws';
import { FakeS3 } from '../support/fake-aws/s3';
import { QUICK_BACKOFF, UNLIMITED } from '../collect/live-walk';

const BUCKET = 'apigw-audit-test-walks';
const account = sampleAccount({ webSocketApis: 6, httpApis: 3, integrationsPerApi: 4, routesPerApi: 4, responsesPerIntegration: 2, responsesPerRoute: 1 });
const rules = activeRules(RULES, {}, 'test');

/** Time that moves only when the fake answers: each API Gateway request takes 1 ms of it. */
function steppedClock(): Clock & { advance(ms: number): void } {
  let now = Date.UTC(2026, 11, 6, 6, 0, 0);
  return { now: () => now, sleep: async (ms) => void (now += ms), advance: (ms) => void (now += ms) };
}

function ticking(handler: ServiceHandler, clock: { advance(ms: number): void }): ServiceHandler {
  return { signingName: handler.signingName, handle: (request) => (clock.advance(1), handler.handle(request)) };
}

interface Fixture {
  fake: FakeAws;
  s3: FakeS3;
  store: WalkStore;
  clock: ReturnType<typeof steppedClock>;
}

async function start(snapshot: Snapshot, fakeOptions: FakeApiGatewayOptions = {}): Promise<Fixture> {
  const clock = steppedClock();
  const s3 = new FakeS3([BUCKET]);
  const fake = await startFakeAws([ticking(fakeApiGatewayV2(snapshot, fakeOptions), clock), s3]);
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = fake.url;
  process.env.AWS_ENDPOINT_URL_S3 = fake.url;
  return { fake, s3, store: WalkStore.create(BUCKET, 'us-east-1'), clock };
}

afterEach(() => {
  delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
  delete process.env.AWS_ENDPOINT_URL_S3;
});

/** Walks in invocations of `budgetMs` of the stepped clock each until the cursor is done. */
async function walkInSteps(fixture: Fixture, budgetMs: number, options: Partial<WalkStepOptions> = {}): Promise<WalkCursor> {
  let cursor: WalkCursor = { prefix: walkPrefix('run-1', '111111111111', 'eu-west-1'), invocations: 0, done: false };
  while (!cursor.done) {
    cursor = await walkStep(cursor, fixture.store, { region: 'eu-west-1', backoff: QUICK_BACKOFF, ...UNLIMITED, clock: fixture.clock, stopStartingAt: fixture.clock.now() + budgetMs, ...options });
  }
  return cursor;
}

async function uninterrupted(snapshot: Snapshot) {
  const fixture = await start(snapshot);
  try {
    return await collectAccount({ region: 'eu-west-1', backoff: QUICK_BACKOFF, ...UNLIMITED, clock: fixture.clock });
  } finally {
    await fixture.fake.close();
  }
}

describe('a fleet item walks an account-region across invocations', () => {
  test('three invocations read exactly what one uninterrupted walk reads: same findings, same fingerprints, the minimal calls', async () => {
    const once = await uninterrupted(account);
    const fixture = await start(account);
    try {
      // One API at a time makes the stopping points exact: 67 calls, about 25 per invocation.
      const cursor = await walkInSteps(fixture, 25, { concurrency: 1 });
      expect(cursor.invocations).toBe(3);
      expect([...fixture.s3.objects.keys()]).toEqual([0, 1, 2].map((n) => `${BUCKET}/walks/run-1/111111111111/eu-west-1/walk-${n}.json`));

      const walked = await readWalk(fixture.store, cursor);
      expect(walked.complete).toBe(true);
      expect(walked.errors).toEqual([]);
      expect(walked.selected).toEqual(once.selected);
      expect(walked.snapshot.apis).toEqual(account.apis);
      expect(walked.snapshot).toEqual(once.snapshot);
      const apiGatewayCalls = fixture.fake.requests.filter((request) => request.service === 'apigateway');
      expect(apiGatewayCalls).toHaveLength(minimalCalls(account, 25));
      expect(walked.stats.calls).toBe(apiGatewayCalls.length);

      const single = runAudit([{ snapshot: once.snapshot, complete: once.complete }], rules);
      const continued = runAudit([{ snapshot: walked.snapshot, complete: walked.complete }], rules);
      expect(single.findings.length).toBeGreaterThan(0);
      expect(continued.findings).toEqual(single.findings);
      expect(continued.findings.map((finding) => finding.fingerprint)).toEqual(single.findings.map((finding) => finding.fingerprint));
      expect(continued.summary).toEqual(single.summary);
    } finally {
      await fixture.fake.close();
    }
  }, 30_000);

  test('with the default concurrency the continued walk is still complete and identical', async () => {
    const larger = sampleAccount({ webSocketApis: 30, httpApis: 10, integrationsPerApi: 3, routesPerApi: 3, responsesPerIntegration: 1, responsesPerRoute: 1 });
    const once = await uninterrupted(larger);
    const fixture = await start(larger);
    try {
      // 8 APIs in flight at once; about 200 calls in budgets of 60.
      const cursor = await walkInSteps(fixture, 60);
      expect(cursor.invocations).toBeGreaterThanOrEqual(3);
      const walked = await readWalk(fixture.store, cursor);
      expect(walked.complete).toBe(true);
      expect(walked.snapshot).toEqual(once.snapshot);
      expect(fixture.fake.requests.filter((request) => request.service === 'apigateway')).toHaveLength(minimalCalls(larger, 25));
    } finally {
      await fixture.fake.close();
    }
  }, 30_000);

  test('an API the deadline cuts off mid-read is read again by the next invocation, not lost or reported', async () => {
    const fixture = await start(account, { latencyMs: 20 });
    try {
      const prefix = walkPrefix('run-2', '111111111111', 'eu-west-1');
      const base = { region: 'eu-west-1', backoff: QUICK_BACKOFF, ...UNLIMITED };
      // Real time: every API starts, the deadline aborts the calls in flight after 150 ms.
      const first = await walkStep({ prefix, invocations: 0, done: false }, fixture.store, { ...base, stopStartingAt: Date.now() + 10_000, deadline: Date.now() + 150 });
      expect(first.done).toBe(false);
      const second = await walkStep(first, fixture.store, { ...base, stopStartingAt: Date.now() + 60_000 });
      expect(second).toEqual({ prefix, invocations: 2, done: true });
      const walked = await readWalk(fixture.store, second);
      expect(walked.errors).toEqual([]);
      expect(walked.complete).toBe(true);
      // The APIs cut off come after the others; findings are sorted, so they are the same.
      expect(walked.snapshot.apis).toHaveLength(account.apis.length);
      expect(walked.snapshot.apis).toEqual(expect.arrayContaining(account.apis));
      expect(runAudit([{ snapshot: walked.snapshot }], rules)).toEqual(runAudit([{ snapshot: { ...account, region: 'eu-west-1' } }], rules));
    } finally {
      await fixture.fake.close();
    }
  }, 30_000);

  test(`after ${MAX_WALK_INVOCATIONS} invocations the APIs still unread are errors, and the walk ends`, async () => {
    const fixture = await start(account);
    try {
      // A budget that lets one API start per invocation would need 10; start the cursor late.
      const prefix = walkPrefix('run-3', '111111111111', 'eu-west-1');
      const first = await walkStep({ prefix, invocations: 0, done: false }, fixture.store, { region: 'eu-west-1', ...UNLIMITED, clock: fixture.clock, concurrency: 1, stopStartingAt: fixture.clock.now() + 1 });
      // Pretend the earlier invocations happened: the next is the last allowed.
      const late: WalkCursor = { ...first, invocations: MAX_WALK_INVOCATIONS - 1 };
      fixture.s3.objects.set(`${BUCKET}/${prefix}/walk-${late.invocations - 1}.json`, fixture.s3.objects.get(`${BUCKET}/${prefix}/walk-0.json`) ?? '');
      const ended = await walkStep(late, fixture.store, { region: 'eu-west-1', ...UNLIMITED, clock: fixture.clock, concurrency: 1, stopStartingAt: fixture.clock.now() + 1 });
      expect(ended.done).toBe(true);
      const last = JSON.parse(fixture.s3.objects.get(`${BUCKET}/${prefix}/walk-${MAX_WALK_INVOCATIONS - 1}.json`) ?? '{}') as { errors: { apiId: string; message: string }[]; remaining: unknown[] };
      expect(last.remaining).toEqual([]);
      expect(last.errors.length).toBeGreaterThan(0);
      expect(last.errors.every((error) => error.message === `not read within ${MAX_WALK_INVOCATIONS} walk invocations; the API was not audited`)).toBe(true);
    } finally {
      await fixture.fake.close();
    }
  }, 30_000);

  test('a listing the deadline cuts off is listed again by the next invocation', async () => {
    const s3 = new FakeS3([BUCKET]);
    const apiGateway = fakeApiGatewayV2(account);
    let listings = 0;
    // The first GetApis answers after the deadline has passed (a stalled listing); later ones at once.
    const slowFirstListing: ServiceHandler = {
      signingName: apiGateway.signingName,
      handle: async (request) => {
        if (request.path === '/v2/apis' && (listings += 1) === 1) await new Promise((resolve) => setTimeout(resolve, 300));
        return apiGateway.handle(request);
      },
    };
    const fake = await startFakeAws([slowFirstListing, s3]);
    process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = fake.url;
    process.env.AWS_ENDPOINT_URL_S3 = fake.url;
    try {
      const store = WalkStore.create(BUCKET, 'us-east-1');
      const prefix = walkPrefix('run-5', '111111111111', 'eu-west-1');
      const base = { region: 'eu-west-1', backoff: QUICK_BACKOFF, ...UNLIMITED, maxAttempts: 1 };
      const first = await walkStep({ prefix, invocations: 0, done: false }, store, { ...base, stopStartingAt: Date.now() + 10_000, deadline: Date.now() + 100 });
      expect(first).toEqual({ prefix, invocations: 1, done: false });
      const second = await walkStep(first, store, { ...base, stopStartingAt: Date.now() + 60_000 });
      expect(second).toEqual({ prefix, invocations: 2, done: true });
      const walked = await readWalk(store, second);
      expect(walked.errors).toEqual([]);
      expect(walked.snapshot.apis).toEqual(account.apis);
      expect(listings).toBe(2);
    } finally {
      await fake.close();
    }
  }, 30_000);

  test('a walk object that is not a part is refused with its key', async () => {
    const fixture = await start(account);
    try {
      const prefix = walkPrefix('run-4', '111111111111', 'eu-west-1');
      fixture.s3.objects.set(`${BUCKET}/${prefix}/walk-0.json`, '{"apis": 3}');
      await expect(readWalk(fixture.store, { prefix, invocations: 1, done: true })).rejects.toThrow(`${prefix}/walk-0.json: not a walk part`);
      await expect(readWalk(fixture.store, { prefix, invocations: 1, done: false })).rejects.toThrow('the walk is not done after 1 invocations');
    } finally {
      await fixture.fake.close();
    }
  }, 30_000);

  test('ids that could climb out of the run folder are refused', () => {
    expect(() => walkPrefix('..', '111111111111', 'eu-west-1')).toThrow('run id ".." cannot name a walk object');
    expect(() => walkPrefix('run', '1/../2', 'eu-west-1')).toThrow('account id "1/../2" cannot name a walk object');
  });
});
