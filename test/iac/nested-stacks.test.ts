import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readCloudFormation } from '../../lib/iac/cloudformation/read-template';
import { MAX_NESTED_RESOURCES, MAX_NESTED_STACKS, MAX_STACK_DEPTH } from '../../lib/iac/cloudformation/nested-stacks';
import type { IacResource } from '../../lib/iac/assemble';
import { runCli } from '../support/run-cli';
import { scanAll, writeFolderInside } from './scan-support';

/** A route and its integration for one WebSocket route, parameterised as a nested stack. */
const ROUTE_TEMPLATE = `Parameters:
  ApiId: { Type: String }
  RouteKey: { Type: String }
  IntegrationType: { Type: String, Default: AWS_PROXY }
Conditions:
  IsProxy: !Equals [!Ref IntegrationType, AWS_PROXY]
Resources:
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref ApiId
      RouteKey: !Ref RouteKey
      Target: !Sub integrations/\${Integration}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref ApiId
      IntegrationType: !Ref IntegrationType
      IntegrationUri: https://backend.example.com/
  ProxyResponse:
    Type: AWS::ApiGatewayV2::IntegrationResponse
    Condition: IsProxy
    Properties:
      ApiId: !Ref ApiId
      IntegrationId: !Ref Integration
      IntegrationResponseKey: $default
Outputs:
  RouteId:
    Value: !Ref Route
`;

const API = `  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
`;

/** Three instances of the route template: two passing only what they must (the type is defaulted), one passing HTTP. */
const PARENT = `Resources:
${API}  SendRoute:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./route.yaml
      Parameters: { ApiId: !Ref Api, RouteKey: send }
  PingRoute:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: route.yaml
      Parameters: { ApiId: !Ref Api, RouteKey: ping }
  EchoRoute:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./route.yaml
      Parameters: { ApiId: !Ref Api, RouteKey: echo, IntegrationType: HTTP }
  EchoReply:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties:
      ApiId: !Ref Api
      RouteId: !GetAtt EchoRoute.Outputs.RouteId
      RouteResponseKey: $default
`;

function read(root: string, name = 'template.yaml'): { resources: Map<string, IacResource>; errors: string[]; nested: string[] } {
  const document = readCloudFormation(readFileSync(`${root}/${name}`, 'utf8'), `${root}/${name}`);
  return {
    resources: new Map(document.resources.map((resource) => [resource.id, resource])),
    errors: (document.errors ?? []).map((error) => error.message),
    nested: document.nestedTemplates ?? [],
  };
}

/** A parent whose only nested stack is `Child`, with these properties. */
function parentWith(properties: string, type = 'AWS::CloudFormation::Stack', extra = ''): string {
  return `Resources:\n${API}  Child:\n    Type: ${type}\n    Properties: ${properties}\n${extra}`;
}

describe('a nested stack with a local template is read once per instance, with its parameters', () => {
  const root = writeFolderInside('nested-stacks-', { 'template.yaml': PARENT, 'route.yaml': ROUTE_TEMPLATE });

  test('its resources join the parent\'s under the instance\'s name, with the values the instance passes or the defaults', () => {
    const { resources, errors, nested } = read(root);
    expect(errors).toEqual([]);
    expect(nested).toEqual([`${root}/route.yaml`]);
    expect(resources.get('SendRoute.Route')).toMatchObject({ kind: 'route', file: `${root}/route.yaml`, position: { line: 8, column: 3 }, apiId: 'Api', fields: { RouteKey: 'send', Target: 'integrations/SendRoute.Integration' } });
    expect(resources.get('SendRoute.Integration')?.fields['IntegrationType']).toBe('AWS_PROXY');
    expect(resources.get('EchoRoute.Integration')?.fields['IntegrationType']).toBe('HTTP');
    expect(resources.get('PingRoute.Route')?.fields['RouteKey']).toBe('ping');
  });

  test('conditions inside the child are evaluated with each instance\'s parameters', () => {
    const { resources } = read(root);
    expect(resources.has('SendRoute.ProxyResponse')).toBe(true);
    expect(resources.get('SendRoute.ProxyResponse')?.parentId).toBe('SendRoute.Integration');
    expect(resources.has('EchoRoute.ProxyResponse')).toBe(false);
  });

  test('!GetAtt Stack.Outputs.Name in the parent is the child\'s output', () => {
    expect(read(root).resources.get('EchoReply')?.parentId).toBe('EchoRoute.Route');
  });

  test('the scan sees one API, locates findings in the child file, and does not scan the child again on its own', async () => {
    const result = await scanAll(root);
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatchObject({ apisAudited: 1, complete: true });
    expect(result.sources.map((source) => source.path)).toEqual([`${root}/template.yaml`]);
    const deadResponses = result.findings.filter((finding) => finding.ruleId === 'IR009');
    expect(deadResponses.map((finding) => [finding.resource.logicalId, finding.location]).sort()).toEqual([
      ['PingRoute.ProxyResponse', { file: `${root}/route.yaml`, line: 26, column: 7 }],
      ['SendRoute.ProxyResponse', { file: `${root}/route.yaml`, line: 26, column: 7 }],
    ]);
    expect(new Set(deadResponses.map((finding) => finding.fingerprint)).size).toBe(2);
    // The HTTP instance has no integration response (its condition is false there), and its
    // route is two-way through the parent's route response on the child's output.
    expect(result.findings.filter((finding) => finding.resource.logicalId?.startsWith('EchoRoute.'))).toEqual([
      expect.objectContaining({ ruleId: 'IR012', resource: expect.objectContaining({ routeKey: 'echo', integrationId: 'EchoRoute.Integration' }), location: { file: `${root}/route.yaml`, line: 13, column: 7 } }),
    ]);
  });

  test('a suppression names one instance\'s resource by its nested id', async () => {
    const suppressions = writeFolderInside('nested-suppressions-', { 'suppressions.yaml': 'suppressions:\n  - { rule: IR009, resource: SendRoute.ProxyResponse, reason: kept on purpose, expires: 2999-12-31 }\n' });
    const { stdout } = await runCli('scan', root, '--format', 'json', '--fail-on', 'none', '--suppressions', `${suppressions}/suppressions.yaml`);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; resource: { logicalId: string } }[]; summary: { suppressed: number } };
    expect(report.findings.filter((finding) => finding.ruleId === 'IR009').map((finding) => finding.resource.logicalId)).toEqual(['PingRoute.ProxyResponse']);
    expect(report.summary.suppressed).toBe(1);
  });

  test('the CLI calls it complete (and fails it on the critical finding)', async () => {
    const { code, stdout } = await runCli('scan', root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^5 findings .* in 1 API, \d+ rules; .*audit complete\.$/m);
  });
});

describe('the parent decides what the child refers to', () => {
  test('an API in the child, its id passed up through Outputs, takes the parent\'s routes', async () => {
    const root = writeFolderInside('nested-outputs-', {
      'template.yaml': `Resources:
  ApiStack: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./api.yaml } }
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !GetAtt ApiStack.Outputs.ApiId, RouteKey: $default, Target: !Sub "integrations/\${ApiStack.Outputs.IntegrationId}" }
  Missing:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !GetAtt ApiStack.Outputs.ApiId, RouteKey: other, RouteResponseSelectionExpression: !GetAtt ApiStack.Outputs.Nothing }
`,
      'api.yaml': `Resources:
${API}  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: MOCK }
Outputs:
  ApiId: { Value: !Ref Api }
  IntegrationId: { Value: !Ref Integration }
`,
    });
    const { resources } = read(root);
    expect(resources.get('Route')).toMatchObject({ apiId: 'ApiStack.Api', fields: { Target: 'integrations/ApiStack.Integration' } });
    const result = await scanAll(root);
    expect(result.summary).toMatchObject({ apisAudited: 1, complete: true });
    expect(result.unresolved).toContainEqual(expect.objectContaining({ resource: 'Missing', path: 'RouteResponseSelectionExpression', reason: expect.stringContaining('the nested template has no such output') }));
  });

  test('a Parameters map of 50,000 entries is read once, and the named ones are used', () => {
    const parameters: Record<string, unknown> = { ApiId: { Ref: 'Api' }, RouteKey: 'bulk' };
    for (let index = 0; index < 50_000; index++) parameters[`Unused${index}`] = `value ${index}`;
    const template = {
      Resources: {
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
        Bulk: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: './route.yaml', Parameters: parameters } },
      },
    };
    const root = writeFolderInside('nested-huge-parameters-', { 'template.json': JSON.stringify(template), 'route.yaml': ROUTE_TEMPLATE });
    const { resources, errors } = read(root, 'template.json');
    expect(errors).toEqual([]);
    expect(resources.get('Bulk.Route')?.fields['RouteKey']).toBe('bulk');
  });

  test('a parameter neither passed nor defaulted stays unresolved, as in a template read alone', async () => {
    const root = writeFolderInside('nested-unpassed-', { 'template.yaml': parentWith('{ TemplateURL: ./route.yaml, Parameters: { ApiId: !Ref Api } }'), 'route.yaml': ROUTE_TEMPLATE });
    const result = await scanAll(root);
    expect(result.unresolved).toContainEqual(expect.objectContaining({ resource: 'Child.Route', path: 'RouteKey', reason: '!Ref RouteKey (a parameter without a Default)' }));
    expect(result.summary.complete).toBe(true);
    expect((await runCli('scan', root)).code).toBe(0);
  });

  test('SAM: an AWS::Serverless::Application with a local Location is read the same way', () => {
    const root = writeFolderInside('nested-sam-', { 'template.yaml': parentWith('{ Location: ./route.yaml, Parameters: { ApiId: !Ref Api, RouteKey: sam } }', 'AWS::Serverless::Application'), 'route.yaml': ROUTE_TEMPLATE });
    expect(read(root).resources.get('Child.Route')?.fields['RouteKey']).toBe('sam');
  });

  test('CDK: a nested stack is read from the file its aws:asset:path metadata names', () => {
    const root = writeFolderInside('nested-cdk-', {
      'template.yaml': parentWith(
        '{ TemplateURL: !Join ["", ["https://s3.", !Ref AWS::Region, ".amazonaws.com/cdk-assets/abc.json"]], Parameters: { ApiId: !Ref Api, RouteKey: cdk } }',
        'AWS::CloudFormation::Stack',
        '    Metadata: { aws:asset:path: Nested.nested.template.json, aws:asset:property: TemplateURL }\n',
      ),
      'Nested.nested.template.json': JSON.stringify({ Parameters: { ApiId: { Type: 'String' }, RouteKey: { Type: 'String' } }, Resources: { Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'ApiId' }, RouteKey: { Ref: 'RouteKey' } } } } }),
    });
    const { resources, errors } = read(root);
    expect(errors).toEqual([]);
    expect(resources.get('Child.Route')?.fields['RouteKey']).toBe('cdk');
  });
});

describe('what cannot be followed is an error naming the stack, and the scan is incomplete', () => {
  test.each([
    ['a template in S3 (its presigned query left out)', '{ TemplateURL: "https://s3.amazonaws.com/bucket/route.yaml?X-Amz-Signature=abcdef" }', /nested stack Child \(TemplateURL https:\/\/s3\.amazonaws\.com\/bucket\/route\.yaml\?…\) is not read, so the API Gateway resources it may hold are not audited: the template is in S3 or on the web/],
    ['a URL known only when deployed', '{ TemplateURL: !Sub "https://\${AWS::Region}.example.com/route.yaml" }', /nested stack Child .* is not read, .*: where the template is is not known \(!Sub/],
    ['an application of the Serverless Application Repository', '{ Location: { ApplicationId: "arn:aws:serverlessrepo:us-east-1:123456789012:applications/x", SemanticVersion: 1.0.0 } }', /Serverless Application Repository, which the scan does not download/],
    ['a missing file', '{ TemplateURL: ./nothing.yaml }', /nested stack Child \(TemplateURL \.\/nothing\.yaml\) is not read, .*nothing\.yaml: cannot read the file: no such file or folder \(ENOENT\)/],
    ['a `..` path out of the working directory', '{ TemplateURL: ../../../../../../../../etc/hostname }', /is outside the working directory, which the scan does not read/],
    ['a `..` path up to a file that is no template', '{ TemplateURL: ../../package.json }', /package\.json: not a CloudFormation template: it has no Resources section \(read as nested stack Child of /],
  ])('%s', async (_name, properties, message) => {
    const type = properties.includes('Location') ? 'AWS::Serverless::Application' : 'AWS::CloudFormation::Stack';
    const root = writeFolderInside('nested-unread-', { 'template.yaml': parentWith(properties, type) });
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(message)]);
    expect(result.errors[0]!.message).not.toContain('X-Amz-Signature');
    expect(result.summary).toMatchObject({ apisAudited: 1, complete: false });
    const { code, stdout } = await runCli('scan', root);
    expect(code).toBe(3);
    expect(stdout).toContain('audit INCOMPLETE');
  });

  test('a FIFO or a folder named as the template is refused at once, not waited on', async () => {
    const root = writeFolderInside('nested-not-files-', {
      'template.yaml': `Resources:\n${API}  Fifo: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./fifo } }\n  Folder: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./sub } }\n`,
      'sub/readme.txt': 'not a template',
    });
    execFileSync('mkfifo', [`${root}/fifo`]);
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/nested stack Fifo .* is not read, .*fifo: not a regular file \(a FIFO\)/),
      expect.stringMatching(/nested stack Folder .* is not read, .*sub: not a regular file \(a directory\)/),
    ]);
    expect(result.summary.complete).toBe(false);
  });

  test('a template that nests itself: read once, then an error naming the cycle', async () => {
    const root = writeFolderInside('nested-self-', { 'template.yaml': parentWith('{ TemplateURL: ./template.yaml }') });
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(/template\.yaml:\d+:\d+: nested stack Child \(TemplateURL \.\/template\.yaml\) is not read, .*template\.yaml is already being read above it .*a template that nests itself/)]);
    expect(result.summary).toMatchObject({ apisAudited: 1, complete: false });
    expect((await runCli('scan', root)).code).toBe(3);
  });

  test('two templates nesting each other are both still scanned, each with its error', async () => {
    const root = writeFolderInside('nested-mutual-', { 'a.yaml': parentWith('{ TemplateURL: ./b.yaml }'), 'b.yaml': parentWith('{ TemplateURL: ./a.yaml }') });
    const result = await scanAll(root);
    expect(result.sources.map((source) => source.path)).toEqual([`${root}/a.yaml`, `${root}/b.yaml`]);
    expect(result.errors).toHaveLength(2);
    expect(result.errors.every((error) => error.message.includes('already being read above it'))).toBe(true);
    expect(result.summary.complete).toBe(false);
    expect((await runCli('scan', root)).code).toBe(3);
  });

  test(`a chain of stacks deeper than ${MAX_STACK_DEPTH} is read to the bound, then an error`, async () => {
    const files: Record<string, string> = {};
    for (let level = 0; level < MAX_STACK_DEPTH + 3; level++) files[`level${level}.yaml`] = parentWith(`{ TemplateURL: ./level${level + 1}.yaml }`);
    files[`level${MAX_STACK_DEPTH + 3}.yaml`] = `Resources:\n${API}`;
    const root = writeFolderInside('nested-chain-', files);
    const result = await scanAll(`${root}/level0.yaml`);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(new RegExp(`level${MAX_STACK_DEPTH}\\.yaml:\\d+:\\d+: nested stack (Child\\.){${MAX_STACK_DEPTH}}Child .* it is nested more than ${MAX_STACK_DEPTH} stacks deep`))]);
    expect(result.summary).toMatchObject({ apisAudited: MAX_STACK_DEPTH + 1, complete: false });
    expect((await runCli('scan', `${root}/level0.yaml`)).code).toBe(3);
  });

  test(`thousands of instances of one child: the first ${MAX_NESTED_STACKS} are read, and one error says the rest are not`, async () => {
    const stacks = Array.from({ length: 3000 }, (_, index) => `  Route${index}: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./route.yaml, Parameters: { ApiId: !Ref Api, RouteKey: r${index} } } }`);
    const root = writeFolderInside('nested-many-', { 'template.yaml': `Resources:\n${API}${stacks.join('\n')}\n`, 'route.yaml': ROUTE_TEMPLATE });
    const { resources, errors } = read(root);
    expect([...resources.keys()].filter((id) => id.endsWith('.Route'))).toHaveLength(MAX_NESTED_STACKS);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`nested stack Route${MAX_NESTED_STACKS} .* more than ${MAX_NESTED_STACKS} nested stacks, .* neither this one nor any after it is read`))]);
    expect((await runCli('scan', root, '--fail-on', 'none')).code).toBe(3);
  });

  test(`instances of a large child: read until they hold ${MAX_NESTED_RESOURCES} API Gateway resources, then one error`, () => {
    const routes = Array.from({ length: 200 }, (_, index) => `  R${index}: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref ApiId, RouteKey: r${index} } }`);
    const stacks = Array.from({ length: 300 }, (_, index) => `  S${index}: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./routes.yaml, Parameters: { ApiId: !Ref Api } } }`);
    const root = writeFolderInside('nested-large-', { 'template.yaml': `Resources:\n${API}${stacks.join('\n')}\n`, 'routes.yaml': `Parameters: { ApiId: { Type: String } }\nResources:\n${routes.join('\n')}\n` });
    const { resources, errors } = read(root);
    expect(resources.size).toBe(1 + MAX_NESTED_RESOURCES);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`nested stack S${MAX_NESTED_RESOURCES / 200} .* more than ${MAX_NESTED_RESOURCES} API Gateway resources, .* neither this one nor any after it is read`))]);
  });

  test('an output the child cannot evaluate is an error naming the child file, and the parent is still read', async () => {
    const root = writeFolderInside('nested-bad-output-', {
      'template.yaml': `Resources:\n${API}  Child: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./child.yaml } }\n  Route: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: $default, Target: !GetAtt Child.Outputs.Broken } }\n`,
      'child.yaml': 'Resources:\n  Queue: { Type: AWS::SQS::Queue }\nOutputs:\n  Broken: { Value: !Ref Nothing }\n',
    });
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(/child\.yaml:4:\d+: !Ref Nothing: no parameter or resource has this name \(the output Broken of nested stack Child of .*template\.yaml\)/)]);
    expect(result.summary).toMatchObject({ apisAudited: 1, complete: false });
    expect(result.unresolved).toContainEqual(expect.objectContaining({ resource: 'Route', path: 'Target', reason: '!GetAtt Child.Outputs.Broken (the output cannot be evaluated)' }));
  });

  test('a child that cannot be read (bad YAML) is an error naming its file and line, and the parent is still audited', async () => {
    const root = writeFolderInside('nested-bad-child-', { 'template.yaml': parentWith('{ TemplateURL: ./child.yaml }'), 'child.yaml': 'Resources:\n  A: [unclosed\n' });
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(/nested stack Child .* is not read, .*child\.yaml:\d+:\d+: not valid YAML or JSON/)]);
    expect(result.summary).toMatchObject({ apisAudited: 1, complete: false });
    expect((await runCli('scan', root)).code).toBe(3);
  });
});
