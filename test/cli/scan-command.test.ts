import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';

const FIXTURES = 'test/fixtures/iac';
const MOCK = `${FIXTURES}/cloudformation/mock-default-route-mistakes.yaml`;
const CLEAN = `${FIXTURES}/cloudformation/websocket-chat.yaml`;

describe('apigw-audit scan', () => {
  test('text: each finding starts with file:line:column', async () => {
    const { code, stdout } = await runCli('scan', MOCK);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${MOCK.replaceAll('/', '\\/').replaceAll('.', '\\.')}:46:9 +HIGH +IR004 +integrations/MockIntegration/integrationresponses/MockResponse`, 'm'));
    const [summary, exit] = stdout.trim().split('\n').slice(-2);
    expect(summary).toMatch(/in 1 API, \d+ rules; 0 values unresolved \(0 findings withheld\); audit complete\.$/);
    expect(exit).toBe('exit 1: 6 findings at or above high (--fail-on high); 0 warnings.');
  });

  test('json: the audit report plus locations, logical ids and unresolved values as warnings', async () => {
    const { stdout } = await runCli('scan', `${FIXTURES}/cloudformation/unresolved-references.yaml`, '--format', 'json', '--fail-on', 'none');
    const report = JSON.parse(stdout);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'IR004', location: { file: `${FIXTURES}/cloudformation/unresolved-references.yaml`, line: 39, column: 9 }, resource: expect.objectContaining({ logicalId: 'Response' }) })]);
    expect(report.summary).toMatchObject({ unresolved: 12, complete: true });
    expect(report.warnings).toContainEqual(expect.objectContaining({ path: 'Integration.ApiId', message: expect.stringContaining('!ImportValue "shared-websocket-api-id"') }));
  });

  test('sarif: a SARIF 2.1.0 log on stdout', async () => {
    const { stdout } = await runCli('scan', MOCK, '--format', 'sarif', '--fail-on', 'none');
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  test('exit codes: 0 clean, 1 at --fail-on, 3 when a file could not be read, 2 without a path', async () => {
    expect((await runCli('scan', CLEAN)).code).toBe(0);
    expect((await runCli('scan', MOCK, '--fail-on', 'critical')).code).toBe(0);
    expect((await runCli('scan', CLEAN, `${FIXTURES}/malformed/unknown-tag.yaml`)).code).toBe(3);
    expect((await runCli('scan')).code).toBe(2);
  });

  test('a PATH that does not exist is bad usage (exit 2), named before anything is scanned', async () => {
    const { code, stderr } = await runCli('scan', CLEAN, 'no/such/infra');
    expect(code).toBe(2);
    expect(stderr).toContain('no/such/infra: no such file or folder');
  });

  test('the configuration turns rules off, as for audit', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'scan-')), 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { IR001: 'off', IR003: 'off', IR004: 'off', IR005: 'off', RR001: 'off', RR002: 'off' } }));
    const { stdout } = await runCli('scan', MOCK, '--config', config, '--format', 'json', '--min-severity', 'high');
    expect(JSON.parse(stdout).findings).toEqual([]);
  });
});
