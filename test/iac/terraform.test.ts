import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../lib/iac/assemble';
import { scanHclPositions } from '../../lib/iac/terraform/hcl-positions';
import { readTerraform } from '../../lib/iac/terraform/read-configuration';
import { isUnresolved } from '../../lib/model/unresolved';
import { FIXTURES, WEBSOCKET_API_TF, writeFolder } from './scan-support';

/** Writes a Terraform configuration into a fresh folder and reads its first API. */
async function readConfiguration(files: Record<string, string>) {
  return assemble(await readTerraform(writeFolder(files))).snapshot.apis[0]!;
}

const api = WEBSOCKET_API_TF;

const integrationWith = (argument: string, extra = '') => readConfiguration({
  'main.tf': `${api}${extra}
resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "MOCK"
  ${argument}
}
`,
}).then((read) => read.integrations[0]!);

describe('Terraform expressions', () => {
  test.each([
    ['a conditional on a variable default', 'description = var.env == "prod" ? "p" : "other"', 'variable "env" {\n  default = "dev"\n}', 'other'],
    ['jsonencode sorts keys and escapes < > &', 'description = jsonencode({ b = "<x>", a = 1 })', '', '{"a":1,"b":"\\u003cx\\u003e"}'],
    ['format and upper', 'description = upper(format("%s-%d", "a", 2))', '', 'A-2'],
    ['merge and lookup', 'description = lookup(merge({ a = "1" }, { b = "2" }), "b", "none")', '', '2'],
    ['a local built from another local', 'description = local.full', 'locals {\n  base = "x"\n  full = "${local.base}-y"\n}', 'x-y'],
    ['an escaped interpolation stays literal', 'description = "$${literal} and \\\\$default"', '', '${literal} and \\$default'],
    ['a heredoc', 'description = <<EOT\n  line\nEOT', '', '  line\n'],
    ['a list element', 'description = local.l[1]', 'locals {\n  l = ["a", "b"]\n}', 'b'],
  ])('%s', async (_name, argument, extra, expected) => {
    expect((await integrationWith(argument, extra))['Description']).toBe(expected);
  });

  test('what is known only after apply is unresolved, with the reason', async () => {
    const integration = await integrationWith('description = aws_lambda_function.f.invoke_arn', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}');
    expect(isUnresolved(integration['Description'])).toBe(true);
    expect((integration['Description'] as { reason: string }).reason).toBe('aws_lambda_function.f.invoke_arn (known after apply)');
  });

  test('a configured argument of another resource is its value', async () => {
    const integration = await integrationWith('description = aws_sqs_queue.q.name', 'resource "aws_sqs_queue" "q" {\n  name = "orders"\n}');
    expect(integration['Description']).toBe('orders');
  });

  test('count = 0 leaves the resource out; a route links through its target', async () => {
    const read = await readConfiguration({
      'main.tf': `${api}
resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "MOCK"
}
resource "aws_apigatewayv2_integration_response" "off" {
  count                    = 0
  api_id                   = aws_apigatewayv2_api.ws.id
  integration_id           = aws_apigatewayv2_integration.i.id
  integration_response_key = "never"
}
resource "aws_apigatewayv2_route" "r" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$default"
  target    = "integrations/\${aws_apigatewayv2_integration.i.id}"
}
`,
    });
    expect(read.integrations[0]!.integrationResponses).toEqual([]);
    expect(read.routes[0]!['Target']).toBe('integrations/aws_apigatewayv2_integration.i');
  });

  test('response_parameters blocks become the status-code map; tls_config an object', async () => {
    const integration = await integrationWith(`
  tls_config {
    server_name_to_verify = "example.com"
  }
  response_parameters {
    status_code = 403
    mappings = {
      "overwrite:statuscode" = "401"
    }
  }`);
    expect(integration['ResponseParameters']).toEqual({ '403': { 'overwrite:statuscode': '401' } });
    expect(integration['TlsConfig']).toEqual({ ServerNameToVerify: 'example.com' });
  });

  test('a module from a registry that was not downloaded is not read, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-tf-'));
    writeFileSync(join(dir, 'main.tf'), `${api}\nmodule "lambda" {\n  source = "terraform-aws-modules/lambda/aws"\n}\n`);
    const document = await readTerraform(dir);
    expect(document.warnings.map((warning) => `${warning.path}: ${warning.message}`)).toEqual([expect.stringMatching(/^module\.lambda: module source "terraform-aws-modules\/lambda\/aws" is not a local folder and was not downloaded \(run `terraform init`/)]);
    expect(document.errors).toEqual([]);
  });
});

describe('HCL positions', () => {
  test('blocks, attributes, repeated blocks and object keys, past strings, heredocs and comments', () => {
    const entries = scanHclPositions(`# comment { not a block
resource "aws_apigatewayv2_integration" "x" {
  request_templates = {
    "$default" = "{\\"a\\": \\"\${var.x}\\"}" // trailing }
  }
  description = <<EOT
  not = an attribute {
EOT
  response_parameters {
    status_code = 200
  }
  response_parameters {
    status_code = 500
  }
}
`);
    const [resource] = entries;
    expect(resource).toMatchObject({ name: 'resource', labels: ['aws_apigatewayv2_integration', 'x'], position: { line: 2, column: 1 } });
    expect(resource!.children.map((child) => `${child.name}@${child.position.line}:${child.position.column}`)).toEqual([
      'request_templates@3:3',
      'description@6:3',
      'response_parameters@9:3',
      'response_parameters@12:3',
    ]);
    expect(resource!.children[0]!.children.map((child) => `${child.name}@${child.position.line}`)).toEqual(['$default@4']);
    expect(resource!.children[3]!.children[0]).toMatchObject({ name: 'status_code', position: { line: 13, column: 5 } });
  });

  test('the fixture module: locations of properties inside the called module', async () => {
    const document = await readTerraform(`${FIXTURES}/terraform/websocket-sqs`);
    const integration = document.resources.find((resource) => resource.id === 'module.websocket.aws_apigatewayv2_integration.sqs')!;
    expect(integration.file).toBe(`${FIXTURES}/terraform/websocket-sqs/modules/websocket-queue/main.tf`);
    expect(integration.position).toEqual({ line: 9, column: 1 });
    expect(integration.properties.find(([path]) => path.join('.') === 'RequestTemplates.$default')?.[1]).toEqual({ line: 22, column: 5 });
  });
});
