import { spawn } from 'node:child_process';

/**
 * `npm start`, as the README's quick start runs it: the two days in order, a sample of each
 * run's log lines with a count of the rest, log timestamps on the simulated days, and both
 * digests in full; then a change audit: the CloudTrail event, its audit and its digest.
 */
function npmStart(): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

let output = '';
beforeAll(async () => {
  const run = await npmStart();
  expect(run.code).toBe(0);
  output = run.stdout;
}, 120_000);

/** The text under each `===== title =====` heading, in order. */
const sections = () => output.split(/^===== (.+) =====$/m).slice(1).reduce<{ title: string; body: string }[]>((all, part, i, parts) => (i % 2 === 0 ? [...all, { title: part, body: parts[i + 1] ?? '' }] : all), []);

test('tells the two days in order: logs, run summary, digest, then the same the next day, then a change event and its audit', () => {
  const titles = sections().map(({ title }) => `${/^Run \d/.exec(title)?.[0]}: ${/change event|CloudWatch Logs|run summary|SNS digest/.exec(title)?.[0]}`);
  expect(titles).toEqual([
    'Run 1: CloudWatch Logs',
    'Run 1: run summary',
    'Run 1: SNS digest',
    'Run 2: CloudWatch Logs',
    'Run 2: run summary',
    'Run 2: SNS digest',
    'Run 3: change event',
    'Run 3: CloudWatch Logs',
    'Run 3: run summary',
    'Run 3: SNS digest',
  ]);
});

test('shows a few log lines, cut to a readable width, and counts the rest', () => {
  for (const [run, { body }] of sections().filter(({ title }) => title.includes('CloudWatch Logs')).entries()) {
    const lines = body.trim().split('\n');
    // A change audit adds its change-audit line to the sample.
    expect(lines.length).toBeLessThanOrEqual(run === 2 ? 6 : 5);
    for (const line of lines) expect(line.length).toBeLessThan(500);
    expect(lines.at(-1)).toMatch(/^\.\.\. and \d+ more lines \(.*× finding.*\), \d+ in all$/);
    const when = ['2026-11-26T06:00:', '2026-11-27T06:00:', '2026-11-27T10:01:'][run];
    for (const line of lines.slice(0, -1)) expect(line).toContain(`"timestamp":"${when}`);
  }
});

test('prints every digest in full: the baseline, then only what changed, then what the change changed', () => {
  const digests = sections().filter(({ title }) => title.includes('SNS digest')).map(({ body }) => body);
  expect(digests).toHaveLength(3);
  expect(digests[0]).toMatch(/^Subject: apigw-audit: baseline/m);
  expect(digests[1]).toMatch(/^Subject: apigw-audit: /m);
  for (const digest of digests) {
    const size = Number(/^Size: (\d+) bytes$/m.exec(digest)?.[1]);
    const message = digest.split('\n\n').slice(1).join('\n\n').trim();
    expect(Buffer.byteLength(message)).toBeGreaterThan(size * 0.9);
  }
});

test('the third act: one change to notify-ws, its CloudTrail event, an audit of that API alone, and a digest naming the call', () => {
  const [event, logs, summary, digest] = sections().slice(6).map(({ body }) => body);
  expect(JSON.parse(event!)).toMatchObject({ 'detail-type': 'AWS API Call via CloudTrail', detail: { eventName: 'CreateIntegrationResponse', requestParameters: { apiId: 'p9notify22' } } });
  expect(logs).toMatch(/^\{"level":"INFO","message":"change audit"/m);
  expect(JSON.parse(summary!)).toEqual({ batchItemFailures: [] });
  expect(digest).toMatch(/^Subject: apigw-audit: 1 new, 1 resolved \| 123456789012 eu-west-1$/m);
  expect(digest).toContain('Triggered by a change: 1 API Gateway call on 1 API (CloudTrail); this audit covers only that API:\n  - 2026-11-27T10:00:00.000Z CreateIntegrationResponse on p9notify22 by arn:aws:sts::123456789012:assumed-role/platform-deployer/alice@example.com');
  expect(digest).toContain('Run started 2026-11-27T10:01:30');
  expect(digest).toMatch(/1 API audited/);
  expect(digest).not.toContain('chat-ws');
});
