import { assemble } from '../../lib/iac/assemble';
import { readTerraform } from '../../lib/iac/terraform/read-configuration';
import { isUnresolved, readKnownText } from '../../lib/model/unresolved';
import { scanAll, WEBSOCKET_API_TF, writeFolder } from './scan-support';

/** Reads a configuration written into a fresh folder: its resources (by address) and its first API as the snapshot has it. */
async function read(files: Record<string, string>) {
  const document = await readTerraform(writeFolder(files));
  const resources = new Map(document.resources.map((resource) => [resource.id, resource]));
  return { document, resources, api: assemble(document).snapshot.apis[0]! };
}

const wsApi = WEBSOCKET_API_TF;

/** The Description of one MOCK integration whose description is `expression`, with `extra` blocks beside it. */
async function describe_(expression: string, extra = ''): Promise<unknown> {
  const { api } = await read({
    'main.tf': `${wsApi}${extra}
resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "MOCK"
  description      = ${expression}
}
`,
  });
  return api.integrations[0]!['Description'];
}

const locals = `
locals {
  n      = 3
  routes = { ping = "MOCK", echo = "HTTP_PROXY" }
  users  = [{ name = "a", tags = ["x"] }, { name = "b", tags = ["y", "z"] }]
  flag   = true
}
variable "maybe" {
  default = null
}
`;

describe('Terraform expressions: every form real code writes', () => {
  test.each([
    ['parentheses around arithmetic', 'tostring((local.n + 1) * 2)', '8'],
    ['a parenthesised conditional on null', '(var.maybe == null ? "a" : "b")', 'a'],
    ['unary operators', 'tostring(-local.n + (!local.flag ? 100 : 1))', '-2'],
    ['a list for-expression with a condition', 'join(",", [for k, v in local.routes : "${k}=${v}" if v != "HTTP_PROXY"])', 'ping=MOCK'],
    ['an object for-expression (keys in lexical order)', 'jsonencode({ for k, v in local.routes : v => k })', '{"HTTP_PROXY":"echo","MOCK":"ping"}'],
    ['a grouping for-expression', 'jsonencode({ for u in local.users : "all" => u.name... })', '{"all":["a","b"]}'],
    ['a splat', 'join("+", local.users[*].name)', 'a+b'],
    ['flatten of a nested for', 'join("", flatten([for u in local.users : u.tags]))', 'xyz'],
    ['an index with a computed key', 'local.routes[lower("PING")]', 'MOCK'],
    ['a template if directive', '"%{ if local.flag }on%{ else }off%{ endif }"', 'on'],
    ['a template for directive', '"%{ for k, v in local.routes }${k};%{ endfor }"', 'echo;ping;'],
    ['an expanded final argument', 'format("%s-%s", ["a", "b"]...)', 'a-b'],
  ])('%s', async (_name, expression, expected) => {
    expect(await describe_(expression, locals)).toBe(expected);
  });

  test.each([
    ['trimsuffix and trimprefix', 'trimprefix(trimsuffix("api-v1.json", ".json"), "api-")', 'v1'],
    ['replace with a regular expression and groups', 'replace("ab-12", "/(\\\\w+)-(\\\\d+)/", "$2_$1")', '12_ab'],
    ['replace of plain text', 'replace("a.b.c", ".", "/")', 'a/b/c'],
    ['regexall', 'join(",", regexall("\\\\d+", "a1b22c333"))', '1,22,333'],
    ['coalesce skips null and empty', 'coalesce(var.maybe, "", "x")', 'x'],
    ['try takes the next argument when an attribute is missing', 'try(local.routes.nothing, "fallback")', 'fallback'],
    ['can is false on a missing attribute', 'tostring(can(local.routes.nothing))', 'false'],
    ['lookup with a default', 'lookup(local.routes, "nothing", "none")', 'none'],
    ['keys, values and zipmap', 'jsonencode(zipmap(keys(local.routes), values(local.routes)))', '{"echo":"HTTP_PROXY","ping":"MOCK"}'],
    ['format %q and padding', 'format("%q|%3d|%-3s|", "x", 7, "y")', '"x"|  7|y  |'],
    ['substr, title, base64 round trip', 'base64decode(base64encode(title(substr("hello world", 0, 5))))', 'Hello'],
    ['yamldecode', 'jsonencode(yamldecode("paths:\\n  /x: [1, 2]\\n"))', '{"paths":{"/x":[1,2]}}'],
    ['contains, distinct, length', 'tostring(length(distinct(["a", "a", "b"])) + (contains(["q"], "q") ? 10 : 0))', '12'],
  ])('built-in function: %s', async (_name, expression, expected) => {
    expect(await describe_(expression, locals)).toBe(expected);
  });

  test('an unknown function is an unresolved value named with its file and line, not an exception', async () => {
    const value = await describe_('sha3_512("x")');
    expect(isUnresolved(value)).toBe(true);
    expect((value as { reason: string }).reason).toMatch(/^sha3_512\(\) \(a function the scanner does not evaluate, at .*main\.tf:\d+\)$/);
  });

  test('a value Terraform would fail on stays unresolved outside try()', async () => {
    const value = await describe_('local.routes.nothing', locals);
    expect(isUnresolved(value)).toBe(true);
    expect((value as { reason: string }).reason).toContain('no such attribute');
  });

  test('a function of a value with an unknown part names that part and why it is unknown', async () => {
    const unknownPart = 'variable "routes" {}\n';
    expect(await describe_('lookup({ ping = var.routes }, "ping", "none")', unknownPart)).toMatchObject({ reason: 'lookup() of a value holding var.routes (a variable without a default)' });
    expect(await describe_('tostring(can({ ping = var.routes }))', unknownPart)).toMatchObject({ reason: 'can() of a value holding var.routes (a variable without a default)' });
  });

  test('try() of an unknown value is unknown: it never guesses the fallback', async () => {
    const value = await describe_('try(data.aws_region.current.name, "eu-west-1")');
    expect(isUnresolved(value)).toBe(true);
  });

  test('yamldecode() of a billion-laughs document is unresolved at once', async () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\\n');
    const value = await describe_(`jsonencode(yamldecode("${laughs.replaceAll('"', '\\"')}"))`);
    expect(value).toMatchObject({ reason: expect.stringContaining('yamldecode() failed') });
  });

  test('range() of a billion numbers is unresolved at once', async () => {
    expect(isUnresolved(await describe_('tostring(length(range(1000000000)))'))).toBe(true);
  });
});

describe('Terraform partial values', () => {
  test('an integration URI with an unknown region keeps its known service and action', async () => {
    const value = await describe_('"arn:aws:apigateway:${data.aws_region.current.name}:dynamodb:action/PutItem"');
    const known = readKnownText(value);
    expect(known).toMatchObject({ complete: true });
    expect(known!.text).toMatch(/^arn:aws:apigateway:.:dynamodb:action\/PutItem$/);
  });

  test('an unknown part that is not a short token ends the known text there; nothing after it is guessed', async () => {
    const value = await describe_('"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}/invocations"', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}');
    expect(readKnownText(value)).toMatchObject({ text: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/', complete: false });
  });

  test('a function of a partial value is wholly unknown', async () => {
    const value = await describe_('upper("a-${data.aws_region.current.name}")');
    expect(isUnresolved(value)).toBe(true);
    expect(readKnownText(value)).toBeUndefined();
  });
});

describe('Terraform dynamic blocks', () => {
  const httpApi = (body: string, extra = '') => `${extra}
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
${body}
}
`;

  test('the iterator of a dynamic block is its label: <label>.value, as in terraform-aws-modules/apigateway-v2', async () => {
    // Reproduces main.tf of terraform-aws-modules/terraform-aws-apigateway-v2 at c1b61c3 (lines 20-31).
    const { api } = await read({
      'main.tf': httpApi(
        `  dynamic "cors_configuration" {
    for_each = var.cors_configuration != null ? [var.cors_configuration] : []
    content {
      allow_origins = cors_configuration.value.allow_origins
      max_age       = cors_configuration.value.max_age
    }
  }`,
        'variable "cors_configuration" {\n  default = { allow_origins = ["*"], max_age = 60 }\n}',
      ),
    });
    expect(api['CorsConfiguration']).toEqual({ AllowOrigins: ['*'], MaxAge: 60 });
  });

  test('a custom iterator name, and a for_each that makes no block leaves the field unset', async () => {
    const { resources } = await read({
      'main.tf': `${wsApi}
resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "HTTP"
  dynamic "response_parameters" {
    for_each = { "403" = "401", "500" = "503" }
    iterator = mapping
    content {
      status_code = mapping.key
      mappings    = { "overwrite:statuscode" = mapping.value }
    }
  }
  dynamic "tls_config" {
    for_each = []
    content {
      server_name_to_verify = "never"
    }
  }
}
`,
    });
    const fields = resources.get('aws_apigatewayv2_integration.i')!.fields;
    expect(fields['ResponseParameters']).toEqual({ '403': { 'overwrite:statuscode': '401' }, '500': { 'overwrite:statuscode': '503' } });
    expect('TlsConfig' in fields).toBe(false);
  });

  test('for_each = flatten([try(jsondecode(x), x, [])]): a list or a JSON string of blocks, as wrapper modules accept them', async () => {
    const { resources } = await read({
      'main.tf': httpApi(
        '',
        `variable "integrations" {
  default = {
    list = { response_parameters = [{ status_code = "403", mappings = { "overwrite:statuscode" = "401" } }] }
    json = { response_parameters = "[{\\"status_code\\":\\"500\\",\\"mappings\\":{\\"append:header.x\\":\\"y\\"}}]" }
    none = { response_parameters = null }
  }
}
resource "aws_apigatewayv2_integration" "this" {
  for_each           = var.integrations
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  integration_uri    = "https://example.com"
  dynamic "response_parameters" {
    for_each = flatten([try(jsondecode(each.value["response_parameters"]), each.value["response_parameters"], [])])
    content {
      status_code = response_parameters.value["status_code"]
      mappings    = response_parameters.value["mappings"]
    }
  }
}`,
      ),
    });
    const parameters = (key: string) => resources.get(`aws_apigatewayv2_integration.this["${key}"]`)!.fields['ResponseParameters'];
    expect(parameters('list')).toEqual({ '403': { 'overwrite:statuscode': '401' } });
    expect(parameters('json')).toEqual({ '500': { 'append:header.x': 'y' } });
    // try() keeps the null (not an error), so one block is made from null: Terraform fails on it, the scan leaves it unresolved.
    expect(Object.values(parameters('none') as Record<string, unknown>).map(isUnresolved)).toEqual([true]);
  });

  test('a dynamic block over something unknown makes its field unresolved, naming why', async () => {
    const { resources } = await read({
      'main.tf': httpApi('  dynamic "cors_configuration" {\n    for_each = var.cors\n    content {\n      max_age = 1\n    }\n  }', 'variable "cors" {}'),
    });
    const cors = resources.get('aws_apigatewayv2_api.http')!.fields['CorsConfiguration'];
    expect(isUnresolved(cors)).toBe(true);
    expect((cors as { reason: string }).reason).toBe('dynamic "cors_configuration" block over var.cors (a variable without a default)');
  });
});

describe('Terraform count and for_each', () => {
  test('for_each over a literal map makes one instance per key, addressed by it, with each.key and each.value', async () => {
    const { resources, api } = await read({
      'main.tf': `${wsApi}
locals {
  routes = { ping = "MOCK", echo = "MOCK" }
}
resource "aws_apigatewayv2_integration" "this" {
  for_each         = local.routes
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = each.value
  description      = "handles \${each.key}"
}
resource "aws_apigatewayv2_route" "this" {
  for_each  = local.routes
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = each.key
  target    = "integrations/\${aws_apigatewayv2_integration.this[each.key].id}"
}
`,
    });
    expect([...resources.keys()].filter((id) => id.includes('.this'))).toEqual([
      'aws_apigatewayv2_integration.this["echo"]',
      'aws_apigatewayv2_integration.this["ping"]',
      'aws_apigatewayv2_route.this["echo"]',
      'aws_apigatewayv2_route.this["ping"]',
    ]);
    expect(resources.get('aws_apigatewayv2_integration.this["ping"]')!.fields['Description']).toBe('handles ping');
    expect(api.routes.find((route) => route['RouteKey'] === 'ping')!['Target']).toBe('integrations/aws_apigatewayv2_integration.this["ping"]');
  });

  test('count makes numbered instances with count.index; toset() keys each instance by its value', async () => {
    const { resources } = await read({
      'main.tf': `${wsApi}
resource "aws_apigatewayv2_route" "numbered" {
  count     = 2
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "r\${count.index}"
}
resource "aws_apigatewayv2_route" "named" {
  for_each  = toset(["a", "b"])
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = each.value
}
`,
    });
    expect(resources.get('aws_apigatewayv2_route.numbered[1]')!.fields['RouteKey']).toBe('r1');
    expect(resources.get('aws_apigatewayv2_route.named["b"]')!.fields['RouteKey']).toBe('b');
    expect(resources.has('aws_apigatewayv2_route.numbered[2]')).toBe(false);
  });

  test('for_each over something unknown: one instance stands for all, each.* unresolved, the rest still read', async () => {
    const { resources } = await read({
      'main.tf': `${wsApi}
variable "routes" {}
resource "aws_apigatewayv2_route" "this" {
  for_each  = var.routes
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = each.key
  route_response_selection_expression = "$default"
}
`,
    });
    const route = resources.get('aws_apigatewayv2_route.this')!;
    expect(isUnresolved(route.fields['RouteKey'])).toBe(true);
    expect(route.fields['RouteResponseSelectionExpression']).toBe('$default');
  });

  test("a variable's type fills optional attributes with their defaults, as Terraform does", async () => {
    // The pattern of terraform-aws-modules/terraform-aws-apigateway-v2 (variables.tf, c1b61c3): integration type defaults to AWS_PROXY.
    const { resources } = await read({
      'main.tf': `${wsApi}
variable "routes" {
  type = map(object({
    integration = object({
      type        = optional(string, "AWS_PROXY")
      description = optional(string)
    })
  }))
  default = {
    ping = { integration = {} }
    echo = { integration = { type = "MOCK" } }
  }
}
resource "aws_apigatewayv2_integration" "this" {
  for_each         = var.routes
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = each.value.integration.type
  description      = each.value.integration.description
}
`,
    });
    expect(resources.get('aws_apigatewayv2_integration.this["ping"]')!.fields['IntegrationType']).toBe('AWS_PROXY');
    expect(resources.get('aws_apigatewayv2_integration.this["echo"]')!.fields['IntegrationType']).toBe('MOCK');
    expect('Description' in resources.get('aws_apigatewayv2_integration.this["echo"]')!.fields).toBe(false);
  });
});

describe('Terraform partial values decide rules', () => {
  /** A WebSocket AWS integration with URI `uri`, a status-code integration response key and a two-way route. */
  const withUri = (uri: string) =>
    writeFolder({
      'main.tf': `${wsApi}
resource "aws_lambda_function" "f" {
  function_name = "f"
}
resource "aws_apigatewayv2_integration" "i" {
  api_id             = aws_apigatewayv2_api.ws.id
  integration_type   = "AWS"
  integration_method = "POST"
  integration_uri    = "${uri}"
}
resource "aws_apigatewayv2_integration_response" "ok" {
  api_id                   = aws_apigatewayv2_api.ws.id
  integration_id           = aws_apigatewayv2_integration.i.id
  integration_response_key = "/200/"
}
`,
    });

  test('IR102 fires on a Lambda URI whose region and function are unknown: the service is known', async () => {
    const result = await scanAll(withUri('arn:aws:apigateway:\${data.aws_region.current.name}:lambda:path/2015-03-31/functions/\${aws_lambda_function.f.arn}/invocations'));
    expect(result.findings.map((finding) => finding.ruleId)).toContain('IR102');
  });

  test('IR102 stays quiet on a DynamoDB URI with an unknown region, and withholds nothing for it', async () => {
    const result = await scanAll(withUri('arn:aws:apigateway:\${data.aws_region.current.name}:dynamodb:action/PutItem'));
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('IR102');
    expect(result.summary.withheld).toBe(0);
  });
});
