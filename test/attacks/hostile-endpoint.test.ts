import { collectAccount, type CollectOptions } from '../../lib/collect/collect-account';
import { MAX_PAGES } from '../../lib/collect/paging';
import { QUICK_BACKOFF, UNLIMITED } from '../collect/live-walk';
import { runCli } from '../support/run-cli';
import { against } from './hostile-server';

/**
 * Issue 12 points 1 and 7: whatever the endpoint does, a walk ends within its bounds as an
 * incomplete audit naming the call. The ceilings are generous (the machine is shared): each
 * test asserts that the walk ended and how, not how fast.
 */
const SHORT = { connectionTimeoutMs: 500, requestTimeoutMs: 500, idleTimeoutMs: 500, attemptTimeoutMs: 1_000, maxBodyBytes: 1024 * 1024 };
const walk = (extra: Partial<CollectOptions> = {}) =>
  collectAccount({ region: 'eu-west-1', ...UNLIMITED, backoff: QUICK_BACKOFF, maxAttempts: 2, attemptBounds: SHORT, ...extra });

describe('one attempt is bounded, and a bound is a retryable failure', () => {
  test.each([
    ['stall', /TimeoutError/],
    ['trickle', /TimeoutError|aborted|ECONNRESET/i],
    ['huge', /larger than 1048576 bytes|ECONNRESET|aborted/i],
    ['truncated', /aborted|ECONNRESET|socket hang up|Unexpected end|unreadable/i],
    ['html', /unreadable response body|SyntaxError|Unexpected token/i],
  ] as const)('a server that answers "%s": GetApis fails, named, after its attempts', async (behaviour, message) => {
    const { value: result, ms, requests } = await against(behaviour, () => walk());
    expect(result.complete).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: 'collector', operation: 'GetApis' });
    expect(result.errors[0]!.message).toMatch(message);
    // Timeouts and broken bodies are retried (2 attempts); an HTML page is not worth a retry.
    expect(requests).toBe(behaviour === 'html' ? 1 : 2);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);
});

describe('pagination that would never end stops with an error naming the call', () => {
  test('tokens cycling A, B, A', async () => {
    const { value: result, requests } = await against('cycling-tokens', () => walk());
    expect(result.errors).toEqual([expect.objectContaining({ operation: 'GetApis', message: expect.stringContaining('a NextToken it had already returned ("A") on page 3') })]);
    expect(requests).toBe(3);
    expect(result.complete).toBe(false);
  });

  test('a new token on every page, up to the page bound', async () => {
    const { value: result, requests } = await against('endless-tokens', () => walk());
    expect(result.errors).toEqual([expect.objectContaining({ operation: 'GetApis', message: expect.stringContaining(`did not end after ${MAX_PAGES} pages`) })]);
    expect(requests).toBe(MAX_PAGES);
  }, 60_000);
});

describe('the run deadline', () => {
  test('aborts calls in flight: a stalled endpoint ends at the deadline as unread, not as a hang', async () => {
    const { value: result, ms } = await against('stall', () => walk({ attemptBounds: { ...SHORT, requestTimeoutMs: 60_000, idleTimeoutMs: 60_000, attemptTimeoutMs: 60_000 }, deadline: Date.now() + 1_000 }));
    expect(result.complete).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ operation: 'GetApis', message: expect.stringContaining('the deadline was reached') })]);
    expect(ms).toBeLessThan(15_000);
  }, 30_000);

  test.each(['stall', 'trickle'] as const)('the CLI against a server that answers "%s": --timeout ends it with exit 3 naming the call', async (behaviour) => {
    const { value: run, ms } = await against(behaviour, () => runCli('audit', '--region', 'eu-west-1', '--timeout', '2s'));
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/audit INCOMPLETE: 1 error/);
    expect(run.stdout).toMatch(/error: collector GetApis: eu-west-1: the deadline was reached/);
    expect(ms).toBeLessThan(40_000);
  }, 60_000);

  test('--timeout that is not a duration is a usage error', async () => {
    const run = await runCli('audit', '--region', 'eu-west-1', '--timeout', 'forever');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout must be a duration from 1ms to 24h such as 90s, 15m or 1h; got "forever"');
  });
});
