import { createHash } from 'node:crypto';
import { APIGATEWAY_V2_FILES } from '../../lib/iac/terraform/known-modules/apigateway-v2-files';
import { admitsOnlyBetween } from '../../lib/iac/terraform/version-constraint';
import { FIXTURES, scanAll, writeFolder } from './scan-support';

/** The Git blob id of a text, as `git ls-tree` shows it. */
const blobId = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
};

const CALL_NOT_READ = /module\.api: module source "terraform-aws-modules\/apigateway-v2\/aws" is not a local folder and was not downloaded/;

/** A call of terraform-aws-modules/apigateway-v2 with `version` and the rest of its arguments. */
const call = (version: string | undefined, body: string) =>
  `module "api" {\n  source = "terraform-aws-modules/apigateway-v2/aws"\n${version === undefined ? '' : `  version = "${version}"\n`}${body}\n}\n`;

/**
 * A WebSocket API whose two-way route sends to an HTTP backend with an integration response for
 * 2XX replies only: IR013 (certain) reports the replies no response matches.
 */
const WEBSOCKET_HTTP = `
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
  routes = {
    "order" = {
      route_response_selection_expression = "$default"
      route_response                      = { create = true }
      integration = {
        type     = "HTTP"
        method   = "POST"
        uri      = "https://example.com/orders"
        response = { integration_response_key = "/2\\\\d\\\\d/" }
      }
    }
  }`;

describe('a call of terraform-aws-modules/apigateway-v2 that was not downloaded is read from the copy the scanner carries', () => {
  test('the copy is the module\'s main.tf, variables.tf and outputs.tf at v6.1.0, byte for byte', () => {
    // git ls-tree c1b61c309e1a253b75799f5e65afeadbd52b0267 in terraform-aws-modules/terraform-aws-apigateway-v2
    expect(Object.fromEntries(Object.entries(APIGATEWAY_V2_FILES).map(([name, text]) => [name, blobId(text)]))).toEqual({
      'main.tf': 'f0e5bc8e2018ead308aab6eafcfe112e57357a90',
      'variables.tf': 'e948e0d9e8edb3b5deb8cb403cb82ecdf0bb046a',
      'outputs.tf': '9ed7083b00c3d7afd45031bcd49c3109607785d0',
    });
  });

  test('the README\'s HTTP API example: its API, routes and integrations as the module builds them, the call named as not read', async () => {
    const result = await scanAll(`${FIXTURES}/terraform/apigateway-v2-readme`);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/apigateway-v2-readme\/main\.tf:7:3: module\.api_gateway: module source .* was not downloaded .*; its API Gateway resources are read from the inputs of the call with the scanner's copy of terraform-aws-modules\/apigateway-v2 v6\.1\.0, .* and the audit is not complete until the module itself is read$/),
    ]);
    expect(result.summary.complete).toBe(false);
    expect(result.summary.apisAudited).toBe(1);
    // The only finding: the CORS configuration the example sets, which the module passes on.
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.resource.logicalId} ${finding.path}`)).toEqual(['HP109 module.api_gateway.aws_apigatewayv2_api.this[0] CorsConfiguration']);
    // The route whose authorizer the module creates: its id is known only after apply, never guessed.
    expect(result.unresolved.map((value) => `${value.resource}.${value.path}`)).toEqual(['module.api_gateway.aws_apigatewayv2_route.this["GET /some-route-with-authorizer"].AuthorizerId']);
    // The first Terraform parse of a run loads hcl2json's WebAssembly, which takes seconds on a busy machine.
  }, 30_000);

  test('literal inputs decide the rules on what the module builds, reported at the call', async () => {
    const dir = writeFolder({
      'main.tf': call(
        '6.1.0',
        `  name          = "http"
  protocol_type = "HTTP"
  routes = {
    "GET /items" = {
      integration = {
        type                = "HTTP_PROXY"
        method              = "GET"
        uri                 = "https://example.com/items"
        response_parameters = [{ status_code = "500", mappings = { "append:header.access-control-allow-origin" = "*" } }]
      }
    }
  }`,
      ),
    });
    const result = await scanAll(dir);
    expect(result.findings.map((finding) => [finding.ruleId, finding.resource.logicalId, finding.path, `${finding.location?.line}:${finding.location?.column}`])).toEqual([
      ['HP004', 'module.api.aws_apigatewayv2_integration.this["GET /items"]', 'ResponseParameters["500"]["append:header.access-control-allow-origin"]', '1:1'],
    ]);
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(CALL_NOT_READ) })]);
  });

  test('a WebSocket call: integration and route responses from the inputs, a rule on them decides', async () => {
    const result = await scanAll(writeFolder({ 'main.tf': call('~> 5.3', WEBSOCKET_HTTP) }));
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.resource.logicalId}`)).toEqual([
      'IR013 module.api.aws_apigatewayv2_integration.this["order"]',
      'IR014 module.api.aws_apigatewayv2_integration_response.this["order"]',
    ]);
  });

  test('a call with for_each: one API per instance, each named by its key in findings and in the error', async () => {
    const result = await scanAll(writeFolder({ 'main.tf': call('>= 5.2.0, < 6.0.0', `  for_each = toset(["blue", "green"])\n${WEBSOCKET_HTTP.replace('"ws"', 'each.key')}`) }));
    expect(result.findings.filter((finding) => finding.ruleId === 'IR013').map((finding) => `${finding.resource.apiName} ${finding.resource.logicalId}`)).toEqual([
      'blue module.api["blue"].aws_apigatewayv2_integration.this["order"]',
      'green module.api["green"].aws_apigatewayv2_integration.this["order"]',
    ]);
    expect(result.errors.map((error) => /module\.api\S*/.exec(error.message)?.[0])).toEqual(['module.api["blue"]:', 'module.api["green"]:']);
  });

  test('a value the caller does not know stays unresolved, and what rests on it is withheld', async () => {
    const result = await scanAll(writeFolder({ 'main.tf': `variable "type" {}\n${call('~> 5.3', WEBSOCKET_HTTP.replace('"HTTP"', 'var.type'))}` }));
    // IR013 and IR014, which the literal "HTTP" decides (test above), cannot tell without it.
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([]);
    expect(result.unresolved.map((value) => `${value.resource}.${value.path}`)).toContain('module.api.aws_apigatewayv2_integration.this["order"].IntegrationType');
  });

  test.each([
    [undefined, 'the call has no version argument'],
    ['~> 5.0', 'version "~> 5.0" admits others'],
    ['>= 5.2', 'version ">= 5.2" admits others'],
    ['4.0.0', 'version "4.0.0" admits others'],
  ])('version %s: not read from the copy, and the error says why', async (version, why) => {
    const result = await scanAll(writeFolder({ 'main.tf': call(version, WEBSOCKET_HTTP) }));
    expect(result.summary.apisAudited).toBe(0);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringContaining(`so the API Gateway resources it defines are not audited (the scanner carries this module for releases 5.1.1 to 6.1.0 only, and ${why}`)]);
  });

  test('its GitHub repository at a release tag the copy is right for is read too; another tag is not', async () => {
    const source = (ref: string) => `module "api" {\n  source = "git::https://github.com/terraform-aws-modules/terraform-aws-apigateway-v2.git?ref=${ref}"\n${WEBSOCKET_HTTP}\n}\n`;
    expect((await scanAll(writeFolder({ 'main.tf': source('v5.2.1') }))).summary.apisAudited).toBe(1);
    const older = await scanAll(writeFolder({ 'main.tf': source('v4.0.0') }));
    expect(older.summary.apisAudited).toBe(0);
    expect(older.errors[0]!.message).toContain('ref=4.0.0 is not one of them');
  });
});

describe('admitsOnlyBetween: whether every version a constraint admits lies in 5.1.1 to 6.1.0', () => {
  test.each([
    ['6.1.0', true],
    ['= 5.1.1', true],
    ['v5.2.1', true],
    ['~> 5.2', true],
    ['~> 6.1.0', false],
    ['~> 6.0.0', true],
    ['~> 5', false],
    ['~> 6.0', false],
    ['>= 5.2, < 6.1.1', true],
    ['>= 5.2, < 6.2.0', false],
    ['>= 5.2, <= 6.1.0, != 5.3.0', true],
    ['> 5.1.0, < 6.0', false],
    ['>= 5.2', false],
    ['5.1.0', false],
    ['', false],
    ['latest', false],
    ['5.2.0-beta1', false],
  ])('%s -> %s', (constraint, admitted) => {
    expect(admitsOnlyBetween(constraint, [5, 1, 1], [6, 1, 0])).toBe(admitted);
  });
});
