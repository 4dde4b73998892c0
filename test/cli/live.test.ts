import { mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../lib/cli/main';
import { progressText } from '../../lib/cli/progress-line';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { startFakeApiGateway, type FakeApiGatewayOptions, type FakeAws } from '../support/fake-aws';
import { runCli } from '../support/run-cli';

/**
 * The live commands against the fake, reached through AWS_ENDPOINT_URL_APIGATEWAYV2 as a user
 * reaches an emulator. The demo account takes 19 calls, inside the default burst of 20, so
 * these tests run at the default rate without waiting for it.
 */
const DEMO = 'examples/demo-account.json';
const dir = mkdtempSync(join(tmpdir(), 'cli-live-'));

let fake: FakeAws | undefined;
async function serveDemo(options: FakeApiGatewayOptions = {}): Promise<void> {
  fake = await startFakeApiGateway((await loadSnapshotFile(DEMO)).snapshot, options);
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = fake.url;
}
afterEach(async () => {
  delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
  await fake?.close();
  fake = undefined;
});

const fingerprints = (stdout: string) => (JSON.parse(stdout) as { findings: { fingerprint: string }[] }).findings.map((finding) => finding.fingerprint);

describe('apigw-audit audit --region (live)', () => {
  test('finds what the offline audit of the same account finds', async () => {
    await serveDemo();
    const live = await runCli('audit', '--region', 'eu-west-1', '--format', 'json', '--fail-on', 'none');
    const offline = await runCli('audit', '--snapshot', DEMO, '--format', 'json', '--fail-on', 'none');

    expect(live.code).toBe(0);
    expect(fingerprints(live.stdout)).toEqual(fingerprints(offline.stdout));
    expect(JSON.parse(live.stdout).summary).toMatchObject({ apisAudited: 3, complete: true, errors: 0 });
    expect(fake?.requests).toHaveLength(19);
  });

  test('with no AWS credentials at all, the error says how to give some, with and without --role-arn', async () => {
    await serveDemo();
    const nowhere = join(dir, 'no-such-aws-config');
    const changed: Record<string, string | undefined> = { AWS_CONFIG_FILE: nowhere, AWS_SHARED_CREDENTIALS_FILE: nowhere, AWS_ENDPOINT_URL_STS: fake?.url, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
    const saved = Object.fromEntries(Object.keys(changed).map((name) => [name, process.env[name]]));
    const setEnvironment = (values: Record<string, string | undefined>) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
    setEnvironment(changed);
    try {
      for (const roles of [[], ['--role-arn', 'arn:aws:iam::222222222222:role/apigw-audit-member']]) {
        const { code, stdout } = await runCli('audit', '--region', 'eu-west-1', ...roles, '--format', 'json');
        expect(code).toBe(3);
        expect(JSON.parse(stdout).errors).toEqual([
          expect.objectContaining({ message: expect.stringContaining('Could not load credentials from any providers (no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)') }),
        ]);
      }
      expect(fake?.requests).toEqual([]);
    } finally {
      setEnvironment(saved);
    }
  });

  test('--api narrows the walk', async () => {
    await serveDemo();
    const { stdout } = await runCli('audit', '--region', 'eu-west-1', '--api', 'h4catalog3', '--format', 'json', '--fail-on', 'none');
    expect(JSON.parse(stdout).summary.apisAudited).toBe(1);
    expect(fake?.requests).toHaveLength(3);
  });

  test('an API that cannot be read makes the audit incomplete: exit 3 and the error in the report', async () => {
    await serveDemo({ faults: [{ kind: 'deny', apiId: 'p9notify22', operation: 'GetRoutes' }] });
    const { code, stdout } = await runCli('audit', '--region', 'eu-west-1', '--format', 'json', '--fail-on', 'none');
    const report = JSON.parse(stdout);

    expect(code).toBe(3);
    expect(report.summary).toMatchObject({ apisAudited: 2, complete: false, errors: 1 });
    expect(report.errors).toEqual([
      { source: 'collector', operation: 'GetRoutes', apiId: 'p9notify22', arn: 'arn:aws:apigateway:eu-west-1::/apis/p9notify22', message: expect.stringMatching(/^AccessDeniedException \(HTTP 403\)/) },
    ]);
  });

  test('a progress line on stderr when it is a terminal, and nothing extra when it is not', async () => {
    await serveDemo();
    let stderr = '';
    await main(['audit', '--region', 'eu-west-1', '--fail-on', 'none'], { stdout: () => undefined, stderr: (text) => (stderr += text), stderrIsTty: true });
    expect(stderr).toContain('\r\x1b[Keu-west-1: 3/3 APIs, 19 calls, 0 throttled, 0 errors');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);

    expect((await runCli('audit', '--region', 'eu-west-1', '--fail-on', 'none')).stderr).toBe('');
  });

  test('--max-rate caps the walk and still reads everything', async () => {
    await serveDemo();
    const capped = await runCli('audit', '--region', 'eu-west-1', '--max-rate', '2.5', '--format', 'json', '--fail-on', 'none');
    expect(capped.code).toBe(0);
    expect(JSON.parse(capped.stdout)).toMatchObject({ summary: { apisAudited: 3, complete: true } });
  });

  test.each([
    ['a mistyped region', ['--region', 'eu-west1'], '--region must be a region name such as eu-west-1; got "eu-west1"'],
    ['--api without --region', ['--snapshot', DEMO, '--api', 'a1'], '--api needs --region'],
    ['neither a snapshot nor a region', [], 'audit needs at least one --snapshot FILE or --region R'],
    ['a --max-rate above the quota', ['--region', 'eu-west-1', '--max-rate', '12'], '--max-rate must be a number of requests per second above 0 and at most 10 (the quota); got "12"'],
    ['a --max-rate that is not a number', ['--region', 'eu-west-1', '--max-rate', 'fast'], 'got "fast"'],
    ['--max-rate without --region', ['--snapshot', DEMO, '--max-rate', '5'], '--max-rate needs --region'],
  ])('exit 2 for %s', async (_name, args, message) => {
    const { code, stderr } = await runCli('audit', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('apigw-audit snapshot', () => {
  test('writes a snapshot whose offline audit equals the live audit', async () => {
    await serveDemo();
    const out = join(dir, 'demo-live.json');
    const written = await runCli('snapshot', '--region', 'eu-west-1', '--out', out);
    expect(written).toEqual({ code: 0, stdout: `Wrote 3 APIs of eu-west-1 to ${out} (19 calls, 0 throttled); snapshot complete.\n`, stderr: '' });
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ version: 1, region: 'eu-west-1', capturedAt: expect.any(String) });

    const offline = await runCli('audit', '--snapshot', out, '--format', 'json', '--fail-on', 'none');
    const live = await runCli('audit', '--region', 'eu-west-1', '--format', 'json', '--fail-on', 'none');
    expect(JSON.parse(offline.stdout).findings).toEqual(JSON.parse(live.stdout).findings);
    expect(offline.stderr).toBe('');
  });

  test('an incomplete walk still writes what it read, prints the errors and exits 3', async () => {
    await serveDemo({ faults: [{ kind: 'malformed', apiId: 'k3chat7ws1', operation: 'GetIntegrations' }] });
    const out = join(dir, 'partial.json');
    const { code, stdout, stderr } = await runCli('snapshot', '--region', 'eu-west-1', '--api', 'k3chat7ws1', '--api', 'h4catalog3', '--out', out);

    expect(code).toBe(3);
    expect(stderr).toMatch(/^error: GetIntegrations k3chat7ws1: unreadable response body \(HTTP 200\): /);
    expect(stdout).toContain('Wrote 1 API of eu-west-1');
    expect(stdout).toContain('snapshot INCOMPLETE: 1 error (on stderr)');
    expect((await loadSnapshotFile(out)).snapshot.apis.map((api) => api.ApiId)).toEqual(['h4catalog3']);
  });

  test('the file of an incomplete walk keeps its errors, so auditing it later is incomplete too (exit 3), not clean', async () => {
    await serveDemo({ faults: [{ kind: 'deny', apiId: 'p9notify22', operation: 'GetRoutes' }] });
    const out = join(dir, 'denied.json');
    expect((await runCli('snapshot', '--region', 'eu-west-1', '--out', out)).code).toBe(3);

    for (const command of [['audit', '--snapshot', out], ['scan', out]]) {
      const { code, stdout } = await runCli(...command, '--format', 'json', '--fail-on', 'none');
      const report = JSON.parse(stdout);
      expect(code).toBe(3);
      expect(report.summary).toMatchObject({ apisAudited: 2, complete: false, errors: 1 });
      expect(report.errors).toEqual([
        { source: 'collector', operation: 'GetRoutes', apiId: 'p9notify22', arn: 'arn:aws:apigateway:eu-west-1::/apis/p9notify22', file: out, message: expect.stringMatching(/^AccessDeniedException \(HTTP 403\)/) },
      ]);
    }
    const text = await runCli('audit', '--snapshot', out, '--fail-on', 'none');
    expect(text.stdout).toContain('audit INCOMPLETE: 1 error');
  });

  test('a snapshot that cannot be written after the walk is a usage error naming the file (exit 2), not an internal error', async () => {
    await serveDemo();
    const out = join(dir, 'blocked.json');
    // The writer writes OUT.PID.tmp first (then renames it): a folder there makes the write fail.
    mkdirSync(`${out}.${process.pid}.tmp`);
    const { code, stderr } = await runCli('snapshot', '--region', 'eu-west-1', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toBe(`apigw-audit snapshot: cannot write ${out}: it is a folder (EISDIR)\n`);
  });

  test.each([
    ['no region', ['--out', 'x.json'], 'snapshot needs exactly one --region R'],
    ['two regions', ['--region', 'eu-west-1', '--region', 'us-east-1', '--out', 'x.json'], 'snapshot needs exactly one --region R'],
    ['no --out', ['--region', 'eu-west-1'], 'snapshot needs --out FILE'],
    ['a directory that does not exist', ['--region', 'eu-west-1', '--out', join(dir, 'missing', 'x.json')], `cannot write ${join(dir, 'missing', 'x.json')}: no such file or folder (ENOENT)`],
  ])('exit 2 for %s, before any call', async (_name, args, message) => {
    await serveDemo();
    const { code, stderr } = await runCli('snapshot', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(fake?.requests).toEqual([]);
  });

  test('--help', async () => {
    const { code, stdout } = await runCli('snapshot', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: apigw-audit snapshot --region R [--api ID ...] --out FILE');
  });
});

test('the progress text sums the regions and shows "?" until every region has listed its APIs', () => {
  const progress = new Map([
    ['eu-west-1', { apisTotal: 40, apisDone: 12, calls: 130, throttled: 2, errors: 0 }],
    ['us-east-1', { apisTotal: undefined, apisDone: 0, calls: 1, throttled: 0, errors: 1 }],
  ]);
  expect(progressText(progress)).toBe('eu-west-1, us-east-1: 12/? APIs, 131 calls, 2 throttled, 1 error');
  progress.set('us-east-1', { apisTotal: 5, apisDone: 5, calls: 20, throttled: 0, errors: 1 });
  expect(progressText(progress)).toBe('eu-west-1, us-east-1: 17/45 APIs, 150 calls, 2 throttled, 1 error');
});
