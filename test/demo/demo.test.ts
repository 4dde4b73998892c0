import { spawn } from 'node:child_process';

/**
 * `npm start`, as the README's quick start runs it: the two days in order, a sample of each
 * run's log lines with a count of the rest, log timestamps on the simulated days, and both
 * digests in full.
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

test('tells the two days in order: logs, run summary, digest, then the same the next day', () => {
  const titles = sections().map(({ title }) => `${/^Run \d/.exec(title)?.[0]}: ${/CloudWatch Logs|run summary|SNS digest/.exec(title)?.[0]}`);
  expect(titles).toEqual([
    'Run 1: CloudWatch Logs',
    'Run 1: run summary',
    'Run 1: SNS digest',
    'Run 2: CloudWatch Logs',
    'Run 2: run summary',
    'Run 2: SNS digest',
  ]);
});

test('shows a few log lines, cut to a readable width, and counts the rest', () => {
  for (const [run, { body }] of sections().filter(({ title }) => title.includes('CloudWatch Logs')).entries()) {
    const lines = body.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(5);
    for (const line of lines) expect(line.length).toBeLessThan(500);
    expect(lines.at(-1)).toMatch(/^\.\.\. and \d+ more lines \(.*× finding.*\), \d+ in all$/);
    const day = run === 0 ? '2026-11-26' : '2026-11-27';
    for (const line of lines.slice(0, -1)) expect(line).toContain(`"timestamp":"${day}T06:00:`);
  }
});

test('prints both digests in full: the baseline, then only what changed', () => {
  const digests = sections().filter(({ title }) => title.includes('SNS digest')).map(({ body }) => body);
  expect(digests).toHaveLength(2);
  expect(digests[0]).toMatch(/^Subject: apigw-audit: baseline/m);
  expect(digests[1]).toMatch(/^Subject: apigw-audit: /m);
  for (const digest of digests) {
    const size = Number(/^Size: (\d+) bytes$/m.exec(digest)?.[1]);
    const message = digest.split('\n\n').slice(1).join('\n\n').trim();
    expect(Buffer.byteLength(message)).toBeGreaterThan(size * 0.9);
  }
});
