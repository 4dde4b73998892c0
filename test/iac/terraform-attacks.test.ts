import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readTerraform } from '../../lib/iac/terraform/read-configuration';
import { runCli } from '../support/run-cli';
import { WEBSOCKET_API_TF, scanAll, writeFolder } from './scan-support';

/**
 * Hostile or broken Terraform: each ends with an error or warning that names what went wrong,
 * never exit 70 and never a clean result. What bounds the time is the scanner's limits (steps,
 * nesting, string length, linear-time regular expressions); the heaviest tests get a generous
 * jest timeout so a loaded machine does not fail them, which says nothing about speed.
 */
const HEAVY = 30_000;

const api = WEBSOCKET_API_TF;

/** A two-way WebSocket route on a MOCK integration without an integration response: IR012, critical. */
const criticalMistake = `${api}
resource "aws_apigatewayv2_integration" "mock" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "MOCK"
}
resource "aws_apigatewayv2_route" "ping" {
  api_id                              = aws_apigatewayv2_api.ws.id
  route_key                           = "ping"
  route_response_selection_expression = "$default"
  target                              = "integrations/\${aws_apigatewayv2_integration.mock.id}"
}
resource "aws_apigatewayv2_route_response" "ping" {
  api_id             = aws_apigatewayv2_api.ws.id
  route_id           = aws_apigatewayv2_route.ping.id
  route_response_key = "$default"
}
`;

/** Scans a folder with the CLI and returns its exit code and JSON report. */
async function scanFolder(dir: string) {
  const { code, stdout } = await runCli('scan', dir, '--format', 'json', '--fail-on', 'none');
  return { code, report: JSON.parse(stdout) as { errors: { file: string; message: string }[]; summary: { complete: boolean }; findings: { message: string }[]; warnings: { message: string }[] } };
}

describe('Terraform attacks: paths outside the scanned folder', () => {
  test.each([
    ['an absolute path', 'file("/etc/passwd")', '/etc/passwd'],
    ['a path climbing out', 'file("../../secret")', 'secret'],
    ['a template outside', 'templatefile("/etc/hostname", {})', '/etc/hostname'],
  ])('%s is an error naming it, and no finding quotes the file', async (_name, call, named) => {
    const dir = writeFolder({ 'main.tf': `${api}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = ${call}\n}\n` });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.summary.complete).toBe(false);
    expect(report.errors[0]!.message).toMatch(/is outside the scanned folder/);
    expect(report.errors[0]!.message).toContain(named);
    expect(JSON.stringify(report)).not.toContain('root:x:0:0');
  });

  test('a symbolic link inside the folder that leads out is followed before the check', async () => {
    const outside = writeFolder({ 'secret.txt': 'TOPSECRET' });
    const dir = writeFolder({ 'main.tf': `${api}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = file("link.txt")\n}\n` });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toMatch(/file ".*\/link\.txt" is outside the scanned folder/);
    expect(JSON.stringify(report)).not.toContain('TOPSECRET');
  });

  test('a file inside the folder is read', async () => {
    const dir = writeFolder({ 'main.tf': `${api}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = file("\${path.module}/d.txt")\n}\n`, 'd.txt': 'described' });
    const document = await readTerraform(dir);
    expect(document.resources.find((resource) => resource.kind === 'integration')!.fields['Description']).toBe('described');
  });

  test('a module outside the scanned folder is an error naming the module call', async () => {
    const outside = writeFolder({ 'main.tf': criticalMistake });
    const dir = writeFolder({ 'main.tf': `module "far" {\n  source = "../${outside.split('/').at(-1)!}"\n}\n` });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toMatch(/module\.far source .* is outside the scanned folder/);
  });
});

describe('Terraform attacks: templates and regular expressions', () => {
  test('a template that includes itself ends with an error naming it', async () => {
    const dir = writeFolder({
      'main.tf': `${api}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = templatefile("loop.tpl", {})\n}\n`,
      'loop.tpl': 'again: ${templatefile("loop.tpl", {})}',
    });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toContain('templatefile("loop.tpl") is called inside the template "loop.tpl"');
  });

  test('replace() with a catastrophic pattern on a long input ends (linear-time matching)', async () => {
    const dir = writeFolder({
      'main.tf': `${api}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = replace("${'a'.repeat(5000)}b", "/^(a+)+$/", "x")\n}\n`,
    });
    const document = await readTerraform(dir);
    expect(document.resources.find((resource) => resource.kind === 'integration')!.fields['Description']).toBe(`${'a'.repeat(5000)}b`);
  }, HEAVY);
});

describe('Terraform attacks: modules that call themselves', () => {
  test('a module that calls itself hides no finding behind "0 APIs, complete": an error names the cycle', async () => {
    const dir = writeFolder({ 'main.tf': `${criticalMistake}\nmodule "again" {\n  source = "./"\n}\n` });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.summary.complete).toBe(false);
    expect(report.errors[0]!.message).toMatch(/module cycle: \(root\) .* -> module\.again \(/);
  });

  test('two modules that call each other: the error names both calls', async () => {
    const dir = writeFolder({
      'main.tf': 'module "a" {\n  source = "./a"\n}\n',
      'a/main.tf': `${criticalMistake}\nmodule "b" {\n  source = "../b"\n}\n`,
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toMatch(/module cycle: module\.a \(.*\/a\) -> module\.a\.module\.b \(.*\/b\) -> module\.a\.module\.b\.module\.a \(.*\/a\)/);
  });

  test('the same module called twice (no cycle) is read twice, once per call', async () => {
    const dir = writeFolder({
      'main.tf': 'module "one" {\n  source = "./m"\n}\nmodule "two" {\n  source = "./m"\n}\n',
      'm/main.tf': criticalMistake,
    });
    const result = await scanAll(dir);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'IR012').map((finding) => finding.resource.logicalId)).toEqual([
      'module.one.aws_apigatewayv2_route.ping',
      'module.two.aws_apigatewayv2_route.ping',
    ]);
  });
});

describe('Terraform attacks: what cannot be read', () => {
  test('an unreadable .tf file is an error naming it (exit 3), and the rest of the scan goes on', async () => {
    const dir = writeFolder({ 'good/main.tf': criticalMistake, 'bad/main.tf': api });
    mkdirSync(join(dir, 'bad', 'broken.tf'));
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors.map((error) => error.message)).toEqual([expect.stringMatching(/bad\/broken\.tf: not a regular file \(a directory\); give the path of a file$/)]);
    expect(report.findings.map((finding) => (finding as unknown as { ruleId: string }).ruleId)).toContain('IR012');
  });

  test('a module folder that cannot be read is an error naming it', async () => {
    const dir = writeFolder({ 'main.tf': 'module "m" {\n  source = "./not-a-folder"\n}\n', 'not-a-folder': 'a file' });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toMatch(/not-a-folder: cannot read the folder: a part of the path is not a folder \(ENOTDIR\)$/);
  });

  test('a deeply nested template read by templatefile() is an unresolved value, and the parser still reads the next file', async () => {
    const dir = writeFolder({
      'main.tf': `${api}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = templatefile("deep.tpl", {})\n}\n`,
      'deep.tpl': `\${${'('.repeat(3000)}1${')'.repeat(3000)}}`,
    });
    const document = await readTerraform(dir);
    expect(document.resources.find((resource) => resource.kind === 'integration')!.fields['Description']).toMatchObject({ reason: expect.stringContaining('brackets nested more than 100 deep') });
    const next = await readTerraform(writeFolder({ 'main.tf': api }));
    expect(next.resources.map((resource) => resource.id)).toEqual(['aws_apigatewayv2_api.ws']);
  });

  test('a deeply nested expression ends with an error, not a crash', async () => {
    const dir = writeFolder({ 'main.tf': `${api}\nlocals {\n  deep = ${'['.repeat(2000)}1${']'.repeat(2000)}\n}\n` });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toMatch(/main\.tf: not valid HCL: brackets nested more than 100 deep; the scan does not parse it$/);
  }, HEAVY);
});

describe('Terraform attacks: time and memory', () => {
  test('nested for-expressions over large ranges stop at the evaluation budget, naming where', async () => {
    const dir = writeFolder({ 'main.tf': `${api}\nlocals {\n  grid = [for a in range(5000) : [for b in range(5000) : "\${a}-\${b}"]]\n}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = tostring(length(local.grid))\n}\n` });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toMatch(/main\.tf:\d+:\d+: the configuration takes more than 200000 evaluation steps/);
  }, HEAVY);

  test('a chain of thousands of locals stops at the nesting limit instead of growing memory quadratically', async () => {
    const chain = Array.from({ length: 600 }, (_, i) => `  a${i} = local.a${i + 1}`).join('\n');
    const dir = writeFolder({ 'main.tf': `${api}\nlocals {\n${chain}\n  a600 = "end"\n}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = local.a0\n}\n` });
    const { code, report } = await scanFolder(dir);
    expect(code).toBe(3);
    expect(report.errors[0]!.message).toContain('references nested more than 500 deep (local.a0 -> local.a1 -> local.a2 -> ... -> local.a500)');
  }, HEAVY);

  test('a template that doubles itself stops at the string limit: the value is unresolved, not gigabytes', async () => {
    const doubling = Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n');
    const dir = writeFolder({ 'main.tf': `${api}\nlocals {\n  s0 = "ab"\n${doubling}\n}\nresource "aws_apigatewayv2_integration" "i" {\n  api_id = aws_apigatewayv2_api.ws.id\n  integration_type = "MOCK"\n  description = local.s40\n}\n` });
    const document = await readTerraform(dir);
    const description = document.resources.find((resource) => resource.kind === 'integration')!.fields['Description'];
    expect(description).toMatchObject({ reason: 'a template longer than 1000000 characters' });
  });
});
