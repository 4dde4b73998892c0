import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MAX_NESTED_STACKS, MAX_NESTED_VALUES } from '../../lib/iac/cloudformation/nested-stacks';
import { subPlaceholders } from '../../lib/iac/cloudformation/sub-placeholders';
import { parseTemplate } from '../../lib/iac/cloudformation/template-source';
import { httpApiRouteLogicalId } from '../../lib/iac/serverless/framework-naming';
import { holdsVariable } from '../../lib/iac/serverless/framework-variables';
import { leakedTells, NAMED_SECRET, SEEDED_SECRETS } from '../support/seeded-secrets';
import { runCli } from '../support/run-cli';
import { writeFolderInside } from '../iac/scan-support';

/**
 * The two readers that follow what a file names: serverless.yml read directly (its functions,
 * events, plugins, includes) and CloudFormation nested stacks (a local template per instance).
 * Each hostile input, scanned through the CLI in every format, ends in its bound with a clear
 * result: an exit code that never calls complete what was not read, an error naming the file,
 * and no secret or raw control character in any output. Bounds are reached by structure (a
 * cap hit), never timed; the jest timeout only catches a hang.
 */
const FORMATS = ['text', 'json', 'sarif', 'ocsf'] as const;
/** C0 controls but the newline, DEL, C1 controls, the line separators and the bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

interface Scanned {
  code: number;
  /** Every format's stdout and stderr, one after the other. */
  output: string;
  /** The text report. */
  text: string;
}

/** `apigw-audit scan PATH --format F` for every format: the same exit code in each, none 70, no stack trace. */
async function scanEveryFormat(path: string): Promise<Scanned> {
  const runs = [];
  for (const format of FORMATS) runs.push(await runCli('scan', path, '--format', format, '--fail-on', 'none'));
  const codes = new Set(runs.map((run) => run.code));
  expect(codes.size).toBe(1);
  const output = runs.map((run) => `${run.stdout}\n${run.stderr}`).join('\n');
  expect(output).not.toMatch(/internal error|\n\s+at .*:\d+:\d+\)?\n/);
  return { code: runs[0]!.code, output, text: runs[0]!.stdout };
}

/** Scans in every format: the exit code, the text report's messages, and no seeded secret or raw control character anywhere. */
async function expectScan(path: string, code: number, messages: readonly string[]): Promise<void> {
  const scanned = await scanEveryFormat(path);
  expect(scanned.code).toBe(code);
  for (const message of messages) expect(scanned.text).toContain(message);
  expect(leakedTells(scanned.output)).toEqual([]);
  expect(scanned.output).not.toMatch(RAW_CONTROL);
}

const outside = mkdtempSync(join(tmpdir(), 'apigw-audit-outside-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const API = `  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
`;
const CHILD = `Parameters:
  ApiId: { Type: String }
Resources:
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref ApiId, RouteKey: ping }
Outputs:
  RouteId: { Value: !Ref Route }
`;
const stack = (id: string, url: string, parameters = '{ ApiId: !Ref Api }') => `  ${id}:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ${url}, Parameters: ${parameters} }\n`;
const stacks = (count: number, url: string) => Array.from({ length: count }, (_, index) => stack(`S${index}`, url)).join('');
const httpService = (rest: string) => `service: s\n${rest}`;
const ONE_ROUTE = "functions:\n  a: { handler: h, events: [ { httpApi: 'GET /a' } ] }\n";

const { text: AKIA } = SEEDED_SECRETS[0]!;
const { text: SECRET_KEY } = SEEDED_SECRETS[1]!;
const { text: BEARER } = SEEDED_SECRETS[2]!;
const { text: JWT } = SEEDED_SECRETS[4]!;
const { text: PASSWORD } = SEEDED_SECRETS[6]!;

describe('serverless.yml', () => {
  const services: [string, Record<string, string>, number, string[]][] = [
    [
      'a function whose events come through a YAML merge key (<<) is read, as the framework merges it',
      { 'serverless.yml': httpService("x0: &x0 { handler: h, events: [ { httpApi: 'GET /a' } ] }\nx1: &x1 { <<: *x0, k1: 1 }\nx2: &x2 { <<: [*x1, *x0], k2: 1 }\nfunctions:\n  a: { <<: *x2 }\n") },
      0,
      ['No findings in 1 API', 'audit complete'],
    ],
    ['a billion laughs in aliases', { 'serverless.yml': httpService(`a: &a [x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 6 }, (_, level) => `l${level}: &l${level} [${Array(9).fill(`*${level === 0 ? 'a' : `l${level - 1}`}`).join(',')}]`).join('\n')}\nfunctions:\n  a: { handler: h, events: *l5 }\n`) }, 3, ['an alias "bomb"']],
    ['a merge key that merges no map', { 'serverless.yml': httpService(`${ONE_ROUTE}x: { <<: 42 }\n`) }, 3, ['serverless.yml:4:6: a merge key (<<) takes a map or a list of maps']],
    ['resources as a list that holds itself through an alias', { 'serverless.yml': httpService('resources: &r\n  - Resources: {}\n  - *r\n') }, 3, ['serverless.yml:4:5: alias *r is inside the node &r it names']],
    ['plugins a number', { 'serverless.yml': httpService(`plugins: 42\n${ONE_ROUTE}`) }, 3, ['plugins: not a list of plugin names but "42"']],
    ['plugins a deep structure', { 'serverless.yml': httpService(`plugins: { modules: [ [ [ { a: [ [ evil ] ] } ] ] ] }\n${ONE_ROUTE}`) }, 3, ['plugins.modules[0]: a plugin name must be a string']],
    ['functions from ${file(/dev/zero)}', { 'serverless.yml': httpService('functions: ${file(/dev/zero)}\n') }, 3, ['functions: the functions come from "${file(/dev/zero)}", which the scan does not resolve']],
    ['resources including serverless.yml itself', { 'serverless.yml': httpService('resources:\n  - ${file(./serverless.yml)}\n') }, 3, ['resources[0]: the resources come from "${file(./serverless.yml)}"']],
    [
      'an API Body from ${file(...)} outside the working directory',
      { 'serverless.yml': httpService('resources:\n  Resources:\n    Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: x, ProtocolType: HTTP, Body: "${file(../../../../../../etc/passwd.json)}" } }\n') },
      3,
      ['the OpenAPI definition of Api (Body) is not read', 'is outside the working directory'],
    ],
    ['httpApi events of every malformed shape', { 'serverless.yml': httpService('functions:\n  a:\n    handler: h\n    events:\n      - httpApi: 42\n      - httpApi: [GET, /a]\n      - httpApi: { path: /x }\n      - httpApi: "GET"\n      - httpApi: { method: GET, path: "*" }\n      - httpApi: { method: TRACE, path: /t }\n      - httpApi: { method: GET, path: /z, authorizer: { type: aws_iam, scopes: [a] } }\n      - httpApi: { method: GET, path: /q, authorizer: { name: constructor } }\n  b: { handler: h, events: "not a list" }\n') }, 3, ['"42" is neither', '["GET","/a"] is neither', 'the route "/x" has no method', "path '*' (the default route) takes no method", '"TRACE" is not a method', 'an aws_iam authorizer takes no name, id or scopes', 'authorizer "constructor" is not in provider.httpApi.authorizers', 'functions.b.events: not a list of events']],
    ['provider.httpApi.id a list with cors', { 'serverless.yml': httpService(`provider: { name: aws, httpApi: { id: [1, { "Fn::ImportValue": x }], cors: true } }\n${ONE_ROUTE}`) }, 3, ['provider.httpApi.cors: an HTTP API named by provider.httpApi.id cannot be given cors here']],
    ['serverless.json with an escape in a plugin name', { 'serverless.json': JSON.stringify({ service: 's', plugins: { modules: ['a\u001b[2J\u202e'] }, functions: { a: { handler: 'h', events: [{ httpApi: 'GET /a\u009b' }] } } }) }, 3, ['plugin "a\\u001b[2J\\u202e" is not known']],
  ];

  test.each(services)('%s', async (_attack, files, code, messages) => {
    const root = writeFolderInside('hostile-service-', files);
    await expectScan(root, code, messages);
  }, 30_000);

  test('an include from /dev/zero or a FIFO is refused at once, never read', async () => {
    const root = writeFolderInside('hostile-service-files-', {
      'serverless.yml': httpService('resources:\n  Resources:\n    Zero: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: x, ProtocolType: HTTP, Body: "${file(./zero.json)}" } }\n    Fifo: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: x, ProtocolType: HTTP, Body: "${file(./fifo.json)}" } }\n'),
    });
    symlinkSync('/dev/zero', join(root, 'zero.json'));
    execFileSync('mkfifo', [join(root, 'fifo.json')]);
    await expectScan(root, 3, ['./zero.json is a link to a file outside the working directory', 'fifo.json: not a regular file (a FIFO)']);
  }, 30_000);

  test('secrets in the service, plugin, function and authorizer names, route keys, CORS and authorizer settings are redacted in every format', async () => {
    const root = writeFolderInside('hostile-service-secrets-', {
      'serverless.yml': `service: "svc ${AKIA}"
plugins: ["serverless-evil ${PASSWORD}", "${BEARER}"]
provider:
  name: aws
  httpApi:
    name: "api ${SECRET_KEY}"
    cors: { allowedOrigins: ["https://x.example/?t=${JWT}"], allowedHeaders: ["${NAMED_SECRET.header}: ${NAMED_SECRET.value}"] }
    authorizers:
      jwt: { type: jwt, identitySource: "$request.header.Authorization ${BEARER}", issuerUrl: "https://${PASSWORD}@issuer.example", audience: ["${AKIA}"] }
functions:
  "fn-${AKIA}":
    handler: h
    events:
      - httpApi: "GET /a/${AKIA}"
      - httpApi: { method: "${BEARER}", path: /b }
      - httpApi: { method: GET, path: /c, authorizer: { name: "${PASSWORD}" } }
      - httpApi: { method: GET, path: /d, authorizer: jwt }
      - httpApi: "${AKIA} ${SECRET_KEY}"
      - websocket: { route: "${BEARER}", authorizer: "arn:aws:lambda:x:${AKIA}" }
      - httpApi: "\${self:custom.${AKIA}}"
`,
    });
    // The unresolved values name generated logical ids (HttpApiIntegrationFnDashAKIA...) and function names.
    await expectScan(root, 3, ['unresolved values']);
  }, 30_000);

  test('ESC, CR, NUL, C1 and bidi controls in names, keys and origins reach no output raw', async () => {
    const root = writeFolderInside('hostile-service-controls-', {
      'serverless.yml':
        'service: "s\\e]0;x\\a"\nplugins: ["evil\\e[2J\\r\\0\\u202e\\x9b"]\nprovider: { name: aws, httpApi: { cors: { allowedOrigins: ["https://a\\u202e\\x9bb"] }, authorizers: { "a\\x1bb": { type: jwt } } } }\nfunctions:\n  "f\\e[31m\\r\\u202e\\x9b":\n    handler: h\n    events:\n      - httpApi: "GET /a\\x07\\u202e\\x9bb"\n      - httpApi: { method: GET, path: /c, authorizer: { name: "zz\\x1b\\u2066" } }\n      - websocket: "r\\x1b\\u202e\\x9b"\n      - httpApi: "${self:x\\x1b\\u202e}"\n',
    });
    await expectScan(root, 3, ['\\u202e']);
  }, 30_000);
});

describe('thousands of brackets', () => {
  test.each([
    ['a path of 200,000 `{` without a `}`', `GET /${'{'.repeat(200_000)}`],
    ['a route of 100,000 `${` without a `}`', '${'.repeat(100_000)],
  ])('%s: read in one pass (the framework\'s expressions were quadratic)', async (_attack, route) => {
    const root = writeFolderInside('hostile-brackets-', { 'serverless.yml': httpService(`functions:\n  a: { handler: h, events: [ { httpApi: ${JSON.stringify(route)} } ] }\n`) });
    await expectScan(root, route.startsWith('GET') ? 0 : 3, []);
  }, 30_000);

  test('a nested template whose !Sub holds 100,000 `${` without a `}`: read in one pass', async () => {
    const root = writeFolderInside('hostile-brackets-sub-', { 't.yaml': `Resources:\n${API}${stack('S', 'c.yaml')}`, 'c.yaml': CHILD.replace('RouteKey: ping', `RouteKey: !Sub ${JSON.stringify('${'.repeat(100_000))}`) });
    await expectScan(`${root}/t.yaml`, 0, []);
  }, 30_000);

  test('the linear forms decide as the framework\'s expressions do', () => {
    const text = fc.string({ unit: fc.constantFrom('{', '}', '$', 'a', 'B', '-', '/', '\n', '\u2028', ' '), maxLength: 24 });
    fc.assert(
      fc.property(text, (value) => {
        expect(holdsVariable(value)).toBe(/\$\{[^}]*\}/.test(value));
        expect(subPlaceholders(value).map(({ index, end, name }) => [index, end, name])).toEqual([...value.matchAll(/\$\{([^}]*)\}/g)].map((match) => [match.index, match.index + match[0].length, match[1]]));
        const framework = value.split('/').map((part) => {
          const normalized = (part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).replace(/-/g, 'Dash').replace(/\{(.*)\}/g, '$1Var').replace(/[^0-9A-Za-z]/g, '');
          return normalized.charAt(0).toUpperCase() + normalized.slice(1);
        });
        expect(httpApiRouteLogicalId(value)).toBe(value === '*' ? 'HttpApiRouteDefault' : `HttpApiRoute${framework.join('')}`);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('YAML merge keys, as js-yaml and PyYAML merge them', () => {
  test('the merged maps in order, then the keys written in the map; a quoted << is a name', () => {
    const { value } = parseTemplate("a: &a { k: a, x: a }\nb: &b { k: b, y: b }\nc: { z: c, <<: [*a, *b], x: c }\nd: { '<<': *a }\n", 't.yaml');
    expect(value).toMatchObject({ c: { z: 'c', k: 'a', x: 'c', y: 'b' }, d: { '<<': { k: 'a', x: 'a' } } });
  });

  test('a key written twice around a merge is still a duplicate', () => {
    expect(() => parseTemplate('a: &a { k: a }\nc: { x: 1, <<: *a, x: 2 }\n', 't.yaml')).toThrow('t.yaml:2:20: duplicate key "x"');
  });
});

describe('nested stacks', () => {
  test.each([
    ['a template nesting itself through a symbolic link', { 't.yaml': `Resources:\n${API}${stack('Me', './link.yaml')}` }, { 'link.yaml': 't.yaml' }, ['nested stack Me (TemplateURL ./link.yaml) is not read', 't.yaml is already being read above it']],
    [
      'two templates nesting each other through different spellings',
      { 't.yaml': `Resources:\n${API}${stack('B', 'dir/../b.yaml')}`, 'b.yaml': `Resources:\n${API}${stack('A', './t.yaml')}${stack('A2', 't.yaml')}`, 'dir/keep.txt': '' },
      {},
      ['nested stack B.A (TemplateURL ./t.yaml) is not read', 'nested stack B.A2 (TemplateURL t.yaml) is not read', 't.yaml is already being read above it'],
    ],
    ['a symbolic link to a file outside the working directory', { 't.yaml': `Resources:\n${API}${stack('P', './passwd.yaml')}` }, { 'passwd.yaml': '/etc/passwd' }, ['./passwd.yaml is a link to a file outside the working directory']],
    ['a symbolic link to a folder outside the working directory', { 't.yaml': `Resources:\n${API}${stack('O', 'out/child.yaml')}` }, { out: 'OUTSIDE' }, ['out/child.yaml is a link to a file outside the working directory']],
    ['TemplateURL /dev/zero and ../ out of the working directory', { 't.yaml': `Resources:\n${API}${stack('Z', '/dev/zero')}${stack('E', '../../../../../../../etc/passwd')}` }, {}, ['/dev/zero is outside the working directory', '../../../../../../../etc/passwd is outside the working directory']],
    ['a symbolic link to /dev/zero', { 't.yaml': `Resources:\n${API}${stack('Z', './z.yaml')}` }, { 'z.yaml': '/dev/zero' }, ['./z.yaml is a link to a file outside the working directory']],
    [`10,000 stacks naming one child`, { 't.yaml': `Resources:\n${API}${stacks(10_000, './c.yaml')}`, 'c.yaml': CHILD }, {}, [`nested stack S${MAX_NESTED_STACKS} (TemplateURL ./c.yaml) is not read`, 'neither this one nor any after it is read']],
    [
      `instances of a small child whose aliases expand it past ${MAX_NESTED_VALUES} values`,
      { 't.yaml': `Resources:\n${API}${stacks(500, './c.yaml')}`, 'c.yaml': `${CHILD}Metadata:\n  a: &a [${Array(300).fill('v').join(',')}]\n  b: [${Array(330).fill('*a').join(',')}]\n` },
      {},
      [`nested stack S20 (TemplateURL ./c.yaml) is not read`, `more than ${MAX_NESTED_VALUES.toLocaleString('en-US')} values`],
    ],
    [
      'a JSON child one byte under 1 MB of deep nesting',
      { 't.yaml': `Resources:\n${API}${stack('S', 'c.json')}`, 'c.json': deepJson(1024 * 1024 - 1) },
      {},
      ['nested stack S (TemplateURL c.json) is not read', 'c.json:1:', 'nested deeper than 100 levels'],
    ],
    [
      'outputs that name no output, or each other',
      {
        't.yaml': `Resources:\n${API}${stack('S', 'c.yaml')}  R1: { Type: AWS::ApiGatewayV2::RouteResponse, Properties: { ApiId: !Ref Api, RouteId: !GetAtt S.Outputs.A, RouteResponseKey: $default } }\n  R2: { Type: AWS::ApiGatewayV2::RouteResponse, Properties: { ApiId: !Ref Api, RouteId: !Sub "\${S.Outputs.Missing}", RouteResponseKey: $default } }\n`,
        'c.yaml': `${CHILD}  A: { Value: !GetAtt S.Outputs.B }\n  B: { Value: !GetAtt S.Outputs.A }\n`,
      },
      {},
      ['!GetAtt S.Outputs.B: no resource has this name (the output A of nested stack S of', 'Outputs.Missing (the nested template has no such output)'],
    ],
    ['two stacks passing each other their outputs', { 't.yaml': `Resources:\n${API}${stack('S1', 'c.yaml', '{ ApiId: !GetAtt S2.Outputs.RouteId }')}${stack('S2', 'c.yaml', '{ ApiId: !GetAtt S1.Outputs.RouteId }')}`, 'c.yaml': CHILD }, {}, ['reference cycle between resources: S1 -> S2 -> S1']],
    [
      'a parent resource named like a nested one (A.Route beside the stack A)',
      { 't.yaml': `Resources:\n${API}${stack('A', 'c.yaml')}  A.Route: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: other } }\n`, 'c.yaml': CHILD },
      {},
      ['Resources."A.Route": a logical id with "." is refused by CloudFormation'],
    ],
    [
      'a TemplateURL with escapes and a credential, a presigned URL, an S3 URL',
      { 't.yaml': `Resources:\n${API}${stack('S', `"missing\\e]0;x\\a ${AKIA}.yaml"`)}${stack('P', `"https://b.s3.amazonaws.com/t.yaml?X-Amz-Credential=${AKIA}"`)}${stack('B', `"s3://${AKIA}/x\\e[2J"`)}` },
      {},
      ['(TemplateURL missing\\x1b]0;x\\x07 [redacted].yaml)', '(TemplateURL https://b.s3.amazonaws.com/t.yaml?…)', '(TemplateURL s3://[redacted]/x\\x1b[2J)'],
    ],
  ])('%s', async (_attack, files, links: Record<string, string>, messages) => {
    const root = writeFolderInside('hostile-nested-', files);
    writeFileSync(join(outside, 'child.yaml'), `Resources:\n  R: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: x, RouteKey: "${PASSWORD}" } }\n`);
    for (const [name, target] of Object.entries(links)) symlinkSync(target === 'OUTSIDE' ? outside : target, join(root, name));
    await expectScan(`${root}/t.yaml`, 3, messages);
  }, 30_000);

  test('2,000 references to one large output of a child evaluate it once', async () => {
    const child = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } }, Outputs: { Big: { Value: { 'Fn::Join': [',', Array.from({ length: 20_000 }, (_, index) => `v${index}`)] } } } });
    const routes = Array.from({ length: 2_000 }, (_, index) => `  R${index}: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: !GetAtt S.Outputs.Big } }\n`).join('');
    const root = writeFolderInside('hostile-nested-output-', { 't.yaml': `Resources:\n${API}  S: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: c.json } }\n${routes}`, 'c.json': child });
    await expectScan(`${root}/t.yaml`, 0, []);
  }, 30_000);

  test('a FIFO named as the template is refused at once', async () => {
    const root = writeFolderInside('hostile-nested-fifo-', { 't.yaml': `Resources:\n${API}${stack('F', './f.yaml')}` });
    execFileSync('mkfifo', [join(root, 'f.yaml')]);
    await expectScan(`${root}/t.yaml`, 3, ['f.yaml: not a regular file (a FIFO)']);
  }, 30_000);

  test('a wide and deep tree under the bounds (363 stacks, 5 deep), passed 100,000 Parameters, is read complete', async () => {
    const parameters = JSON.stringify(Object.fromEntries([...Array.from({ length: 100_000 }, (_, index) => [`P${index}`, 'x']), ['ApiId', { Ref: 'Api' }]]));
    const files: Record<string, string> = { 't.yaml': `Resources:\n${API}${['A', 'B', 'C'].map((id) => stack(id, './level1.yaml', parameters)).join('')}`, 'level5.yaml': CHILD };
    for (let level = 1; level < 5; level++) files[`level${level}.yaml`] = `Parameters:\n  ApiId: { Type: String }\nResources:\n${['A', 'B', 'C'].map((id) => stack(id, `./level${level + 1}.yaml`, '{ ApiId: !Ref ApiId }')).join('')}`;
    const root = writeFolderInside('hostile-nested-tree-', files);
    const { code, stdout } = await runCli('scan', `${root}/t.yaml`, '--format', 'json');
    const report = JSON.parse(stdout) as { summary: { complete: boolean; apisAudited: number }; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ complete: true, apisAudited: 1 });
    expect(code).toBe(0);
  }, 60_000);

  test('a child file with control characters in its name is located without them', async () => {
    const name = 'c\u001b[31m\r\u202e\u009b.yaml';
    const root = writeFolderInside('hostile-nested-name-', {
      't.yaml': `Resources:\n${API}${stack('S', '"c\\e[31m\\r\\u202e\\x9b.yaml"')}`,
      [name]: `Parameters:\n  ApiId: { Type: String }\nResources:\n  Integration: { Type: AWS::ApiGatewayV2::Integration, Properties: { ApiId: !Ref ApiId, IntegrationType: MOCK } }\n  Response: { Type: AWS::ApiGatewayV2::IntegrationResponse, Properties: { ApiId: !Ref ApiId, IntegrationId: !Ref Integration, IntegrationResponseKey: '2\\d\\d' } }\n`,
    });
    await expectScan(`${root}/t.yaml`, 0, ['c\\x1b[31m\\r\\u202e\\x9b.yaml:']);
  }, 30_000);
});

describe('a path that would block or never end when read', () => {
  const TEMPLATE = 'Resources:\n  Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: a, ProtocolType: HTTP } }\n';
  test.each([
    ['a FIFO named serverless.yml', 'serverless.yml', { 'keep.txt': '' }, { 'serverless.yml': 'FIFO' }, 'serverless.yml: not a regular file (a FIFO)'],
    ['a FIFO named as a template', 't.yaml', { 'keep.txt': '' }, { 't.yaml': 'FIFO' }, 't.yaml: not a regular file (a FIFO)'],
    ['serverless.json linked to /dev/zero', 'serverless.json', { 'keep.txt': '' }, { 'serverless.json': '/dev/zero' }, 'serverless.json: not a regular file (a device or socket)'],
    ['a FIFO packaged template beside serverless.yml', '.', { 'serverless.yml': 'service: s\n', '.serverless/keep.txt': '' }, { '.serverless/cloudformation-template-update-stack.json': 'FIFO' }, 'cloudformation-template-update-stack.json: not a regular file (a FIFO)'],
    ['a FIFO named cdk.json in a folder', '.', { 't.yaml': TEMPLATE }, { 'cdk.json': 'FIFO' }, 'a CDK app without its synthesized templates'],
    ['a FIFO named main.tf in a folder', '.', { 'keep.txt': '' }, { 'main.tf': 'FIFO' }, 'main.tf: not a regular file (a FIFO)'],
    ['a FIFO as Terraform\'s module manifest', '.', { 'main.tf': 'resource "aws_apigatewayv2_api" "a" {\n  name          = "a"\n  protocol_type = "HTTP"\n}\n', '.terraform/modules/keep.txt': '' }, { '.terraform/modules/modules.json': 'FIFO' }, 'modules.json: not a regular file (a FIFO)'],
    ['a Terraform file() of a FIFO', '.', { 'main.tf': 'resource "aws_apigatewayv2_api" "a" {\n  name          = "a"\n  protocol_type = "HTTP"\n  body          = file("${path.module}/fifo.json")\n}\n' }, { 'fifo.json': 'FIFO' }, 'file "./fifo.json" cannot be read: not a regular file (a FIFO)'],
  ])('%s is refused at once, with an error naming it', async (_attack, path, files: Record<string, string>, special: Record<string, string>, message) => {
    const root = writeFolderInside('hostile-blocking-', files);
    for (const [name, target] of Object.entries(special)) {
      if (target === 'FIFO') execFileSync('mkfifo', [join(root, name)]);
      else symlinkSync(target, join(root, name));
    }
    await expectScan(join(root, path), 3, [message]);
  }, 30_000);
});

test('a PATH that does not exist, named with ESC, C1 and bidi controls, is a usage error with them written out', async () => {
  const run = await runCli('scan', 'missing\u001b[2J\u009b\u202e.yaml');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('missing\\x1b[2J\\x9b\\u202e.yaml: no such file or folder');
  expect(run.stderr).not.toMatch(RAW_CONTROL);
});

describe('the built CLI', () => {
  test('a merge-key service is read complete and a secret-named function stays redacted, in the real binary', () => {
    const root = writeFolderInside('hostile-binary-', {
      'serverless.yml': httpService(`base: &base { handler: h, events: [ { httpApi: 'GET /a' } ] }\nfunctions:\n  "fn-${AKIA}": { <<: *base }\n`),
    });
    const run = spawnSync(process.execPath, ['bin/apigw-audit.cjs', 'scan', root, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { apisAudited: 1, complete: true } });
    expect(leakedTells(run.stdout + run.stderr)).toEqual([]);
  }, 60_000);
});

/** `{"Resources": ...}` whose one route nests lists until the text is `bytes` long. */
function deepJson(bytes: number): string {
  const head = '{"Resources":{"R":{"Type":"AWS::ApiGatewayV2::Route","Properties":{"ApiId":"x","RouteKey":"k","Tags":';
  const tail = '}}}}';
  const depth = Math.floor((bytes - head.length - tail.length) / 2);
  const text = `${head}${'['.repeat(depth)}${']'.repeat(depth)}${tail}`;
  return text.length < bytes ? `${text}${' '.repeat(bytes - text.length)}` : text;
}
