import fc from 'fast-check';
import { MAX_EVENT_LIST } from '../../lib/config/audit-event';
import { lambdaContext, scheduledEvent } from '../support/lambda-context';
import { FUNCTION, loadHandler, useLambdaHarness } from '../support/lambda-harness';
import { startHostileServer } from './hostile-server';

/**
 * Issue 12 points 2, 5 and 7 for the deployed function: a state table that never answers
 * cannot cost the run its findings, and hostile events are refused before any work.
 */
const harness = useLambdaHarness();

test('a state table that never answers: every finding is logged, tracking falls back to "failed", within the time limit', async () => {
  const stalled = await startHostileServer('stall');
  const saved = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = stalled.url;
  try {
    const { handler } = await loadHandler({ STATE_TABLE: 'apigw-audit-test-stalled' });
    const started = Date.now();
    // A function with 20 s left: tracking gets half of what remains after the walk.
    const response = await handler(scheduledEvent(FUNCTION), lambdaContext({ ...FUNCTION, timeoutMs: 20_000 }));
    const ms = Date.now() - started;

    expect(stalled.requests).toBeGreaterThan(0);
    expect(response.changeTracking.status).toBe('failed');
    expect(response.summary.findings).toBeGreaterThan(0);
    expect(harness.lines('finding')).toHaveLength(response.summary.findings);
    expect(harness.lines('audit-error')).toContainEqual(expect.objectContaining({ source: 'state', operation: 'deadline', message: expect.stringContaining('change tracking did not finish within') }));
    expect(harness.sns.published[0]!.message).toContain('CHANGE TRACKING FAILED');
    expect(ms).toBeLessThan(20_000);
  } finally {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    else process.env.AWS_ENDPOINT_URL_DYNAMODB = saved;
    await stalled.close();
  }
}, 40_000);

test.each([
  ['apiIds', { apiIds: Array.from({ length: 200_000 }, (_, i) => `a${i}`), regions: ['eu-west-1'] }],
  ['regions', { regions: Array.from({ length: 10_000 }, () => 'eu-west-1') }],
])('an event with a huge %s list is refused with the field and the limit, before any call', async (field, event) => {
  const before = harness.fake.requests.length;
  await expect(harness.invoke(event)).rejects.toThrow(`invalid event: ${field}: at most ${MAX_EVENT_LIST[field as keyof typeof MAX_EVENT_LIST]} items, got`);
  expect(harness.fake.requests.length).toBe(before);
});

test('any other event is either run or refused as an invalid event, never a crash', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.anything(),
        fc.record({ apiIds: fc.anything(), regions: fc.anything(), minSeverity: fc.anything(), dryRun: fc.anything() }, { requiredKeys: [] }),
      ),
      async (event) => {
        const before = harness.fake.requests.length;
        try {
          const response = await harness.invoke(event);
          expect(response.summary).toBeDefined();
        } catch (error) {
          expect((error as Error).name).toBe('EventError');
          expect((error as Error).message).toMatch(/^invalid event: /);
          expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/);
          expect(harness.fake.requests.length).toBe(before);
        }
      },
    ),
    { numRuns: 60 },
  );
}, 60_000);
