import { readTerraform } from '../../lib/iac/terraform/read-configuration';
import { runCli } from '../support/run-cli';
import { scanAll, writeFolder } from './scan-support';

/** An HTTP API module with one non-proxy integration (HP009 fires on it), as a registry module would hold. */
const apiModule = `
variable "protocol_type" {
  type    = string
  default = "WEBSOCKET"
}
variable "integration_type" {
  type = string
}
resource "aws_apigatewayv2_api" "this" {
  name          = "api"
  protocol_type = var.protocol_type
}
resource "aws_apigatewayv2_integration" "this" {
  api_id             = aws_apigatewayv2_api.this.id
  integration_type   = var.integration_type
  integration_method = "GET"
  integration_uri    = "https://example.com"
}
output "api_id" {
  value = aws_apigatewayv2_api.this.id
}
`;

const manifest = JSON.stringify({
  Modules: [
    { Key: '', Source: '', Dir: '.' },
    { Key: 'api', Source: 'registry.terraform.io/example/apigateway-v2/aws', Version: '6.1.0', Dir: '.terraform/modules/api' },
  ],
});

describe('Terraform modules from a registry or git', () => {
  test('a module terraform init downloaded (.terraform/modules/modules.json) is read with the inputs of its call', async () => {
    const dir = writeFolder({
      'main.tf': 'module "api" {\n  source           = "example/apigateway-v2/aws"\n  version          = "6.1.0"\n  protocol_type    = "HTTP"\n  integration_type = "HTTP"\n}\n',
      '.terraform/modules/modules.json': manifest,
      '.terraform/modules/api/main.tf': apiModule,
    });
    const result = await scanAll(dir);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'HP009').map((finding) => finding.resource.logicalId)).toEqual(['module.api.aws_apigatewayv2_integration.this']);
  });

  test('an API Gateway module that was not downloaded makes the scan incomplete, naming the module call (no false clean)', async () => {
    const dir = writeFolder({ 'main.tf': 'module "api" {\n  source        = "terraform-aws-modules/apigateway-v2/aws"\n  protocol_type = "HTTP"\n}\n' });
    const { code, stdout } = await runCli('scan', dir, '--format', 'json');
    const report = JSON.parse(stdout) as { summary: { complete: boolean }; errors: { message: string }[] };
    expect(code).toBe(3);
    expect(report.summary.complete).toBe(false);
    expect(report.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/main\.tf:\d+:\d+: module\.api: module source "terraform-aws-modules\/apigateway-v2\/aws" is not a local folder and was not downloaded .* so the API Gateway resources it defines are not audited \(the scanner carries this module for releases 5\.1\.1 to 6\.1\.0 only, and the call has no version argument \(Terraform takes the newest release\)\)$/),
    ]);
  });

  test('a module two configurations call warns once of a module it calls that was not downloaded', async () => {
    const call = 'module "shared" {\n  source = "../shared"\n}\n';
    const dir = writeFolder({
      'one/main.tf': call,
      'two/main.tf': call,
      'shared/main.tf': 'module "certificate" {\n  source = "terraform-aws-modules/acm/aws"\n}\n',
    });
    const { stdout, stderr } = await runCli('scan', dir, '--format', 'json');
    const warnings = (JSON.parse(stdout) as { warnings: { path: string }[] }).warnings.filter((warning) => warning.path === 'module.shared.module.certificate');
    expect(warnings).toHaveLength(1);
    expect(stderr.split('\n').filter((line) => line.includes('module.shared.module.certificate'))).toHaveLength(1);
  });

  test('a module with count makes instances addressed module.NAME[i], each with its own inputs', async () => {
    const dir = writeFolder({
      'main.tf': 'module "api" {\n  count            = 2\n  source           = "./api"\n  protocol_type    = "HTTP"\n  integration_type = count.index == 0 ? "HTTP" : "HTTP_PROXY"\n}\n',
      'api/main.tf': apiModule,
    });
    const document = await readTerraform(dir);
    const types = Object.fromEntries(document.resources.filter((resource) => resource.kind === 'integration').map((resource) => [resource.id, resource.fields['IntegrationType']]));
    expect(types).toEqual({ 'module.api[0].aws_apigatewayv2_integration.this': 'HTTP', 'module.api[1].aws_apigatewayv2_integration.this': 'HTTP_PROXY' });
  });

  test("a module instance's output is reached through its key", async () => {
    const dir = writeFolder({
      'main.tf': `module "api" {
  for_each         = toset(["blue"])
  source           = "./api"
  integration_type = "MOCK"
}
resource "aws_apigatewayv2_route" "r" {
  api_id    = module.api["blue"].api_id
  route_key = "$default"
}
`,
      'api/main.tf': apiModule,
    });
    const document = await readTerraform(dir);
    expect(document.resources.find((resource) => resource.kind === 'route')!.apiId).toBe('module.api["blue"].aws_apigatewayv2_api.this');
  });
});
