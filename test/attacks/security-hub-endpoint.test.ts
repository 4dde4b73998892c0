import { BatchImportFindingsCommand } from '@aws-sdk/client-securityhub';
import { createSecurityHubClient } from '../../lib/securityhub/client';
import { QUICK_BACKOFF } from '../collect/live-walk';
import { startHostileServer } from './hostile-server';

/**
 * The Security Hub client goes through the same bounded handler as the others (issue 12: "all
 * clients ... and any added later"): a server that never answers, or trickles, ends each attempt
 * as a timeout, and the call fails after its attempts instead of holding the run.
 */
test.each(['stall', 'trickle'] as const)('a Security Hub endpoint that answers "%s" fails the import after bounded attempts', async (behaviour) => {
  const server = await startHostileServer(behaviour);
  const saved = process.env.AWS_ENDPOINT_URL_SECURITYHUB;
  process.env.AWS_ENDPOINT_URL_SECURITYHUB = server.url;
  try {
    const client = createSecurityHubClient({ region: 'eu-west-1', backoff: QUICK_BACKOFF, attemptBounds: { connectionTimeoutMs: 500, requestTimeoutMs: 500, idleTimeoutMs: 500, attemptTimeoutMs: 1_000 } });
    const started = Date.now();
    await expect(client.send(new BatchImportFindingsCommand({ Findings: [] }))).rejects.toThrow(/no complete response within 1000 ms|Timeout/);
    // Each attempt ended at its bound (at most 6 of a second each), with a generous ceiling.
    expect(server.requests).toBeGreaterThanOrEqual(1);
    expect(server.requests).toBeLessThanOrEqual(6);
    expect(Date.now() - started).toBeLessThan(30_000);
  } finally {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_SECURITYHUB;
    else process.env.AWS_ENDPOINT_URL_SECURITYHUB = saved;
    await server.close();
  }
}, 40_000);
