import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTargets } from '../../lib/iac/detect';
import { scanAll } from './scan-support';

/** Running as root, no permission keeps a file from being read: a file whose name says so fails as one that could not be. */
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  const denied = (call: unknown) => (path: unknown, ...rest: unknown[]) =>
    String(path).includes('unreadable-') ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) : (call as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  // Inputs are opened with open() (lib/model/read-text-file.ts), other files read with readFile().
  return { ...actual, readFile: denied(actual.readFile), open: denied(actual.open) };
});

const folders: string[] = [];
afterAll(() => folders.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A folder under the system temp folder holding `files` (path -> content). */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'apigw-audit-readers-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/**
 * The pattern of serverless/examples aws-node-websockets-authorizers and of many chat services:
 * websocket events on functions, one two-way route, and a resources section. Here the resources
 * add a MOCK integration response keyed by a status code, which IR001 reports.
 */
const SERVICE = `service: chat
provider:
  name: aws
  runtime: nodejs22.x
  stage: \${opt:stage, 'dev'}
functions:
  connect:
    handler: handler.connect
    events:
      - websocket: $connect
  send_message:
    handler: handler.send
    events:
      - websocket:
          route: sendMessage
          routeResponseSelectionExpression: $default
resources:
  Resources:
    MockIntegration:
      Type: AWS::ApiGatewayV2::Integration
      Properties:
        ApiId: !Ref WebsocketsApi
        IntegrationType: MOCK
    MockResponse:
      Type: AWS::ApiGatewayV2::IntegrationResponse
      Properties:
        ApiId: !Ref WebsocketsApi
        IntegrationId: !Ref MockIntegration
        IntegrationResponseKey: "200"
        ResponseTemplates:
          $default: '{"stage": "\${self:provider.stage}"}'
`;

describe('Serverless Framework services', () => {
  test('without a packaged template: serverless.yml is read directly, and with nothing unread the scan is complete', async () => {
    const root = folder({ 'serverless.yml': SERVICE });
    const result = await scanAll(root);
    expect(result.errors).toEqual([]);
    expect(result.summary.complete).toBe(true);
    const api = result.findings.find((finding) => finding.ruleId === 'IR001');
    expect(api).toMatchObject({ resource: expect.objectContaining({ logicalId: 'MockResponse' }), location: { file: `${root}/serverless.yml`, line: 29, column: 9 } });
    // The generated resources: the API, two proxy integrations, two routes and the route response of the two-way one.
    expect(result.sources).toEqual([{ kind: 'serverless', path: `${root}/serverless.yml`, resources: 8 }]);
    // ${self:provider.stage} is the framework's, not a literal: the template holding it is not judged as written.
    expect(result.unresolved.map((value) => value.path)).toContain('ResponseTemplates["$default"]');
  });

  test('resources.Resources with a generated logical id overrides only the properties it names, as the framework merges them', async () => {
    // The pattern of a public demo (rudijs serverless-websockets): IAM authorization on the generated $connect route.
    const service = `service: ws
provider: { name: aws }
functions:
  connect: { handler: h.connect, events: [{ websocket: { route: $connect } }] }
resources:
  Resources:
    SconnectWebsocketsRoute:
      Type: AWS::ApiGatewayV2::Route
      Properties: { AuthorizationType: AWS_IAM }
`;
    const result = await scanAll(folder({ 'serverless.yml': service }));
    expect(result.summary.apisAudited).toBe(1);
    // The route keeps the generated ApiId, RouteKey and Target: nothing about it is unresolved.
    expect(result.unresolved.map((value) => `${value.resource}.${value.path}`)).toEqual(['ConnectWebsocketsIntegration.IntegrationUri']);
    expect(result.sources).toEqual([{ kind: 'serverless', path: expect.stringContaining('serverless.yml'), resources: 3 }]);
  });

  test('with the packaged template: that is what is read, and the scan can be complete', async () => {
    const packaged = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { WebsocketsApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'dev-chat-websockets', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } } } });
    const root = folder({ 'serverless.yml': SERVICE, '.serverless/cloudformation-template-update-stack.json': packaged });
    const result = await scanAll(root);
    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual([{ kind: 'cloudformation', path: `${root}/.serverless/cloudformation-template-update-stack.json`, resources: 1 }]);
    expect(result.summary.complete).toBe(true);
  });

  test('a service in TypeScript without a packaged template cannot be read at all', async () => {
    const root = folder({ 'serverless.ts': 'export default {}' });
    const { errors, targets } = await findTargets([root]);
    expect(targets).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('serverless.ts: no packaged template .serverless/cloudformation-template-update-stack.json: nothing of it was read (a service in code runs only in the framework). Run `npx serverless package`')]);
  });
});

describe('CDK apps and paths with nothing to scan are never a clean result', () => {
  test('cdk.json without cdk.out (or the output folder cdk.json names) is an error saying to run cdk synth', async () => {
    const bare = folder({ 'cdk.json': '{"app": "npx ts-node bin/app.ts"}', 'bin/app.ts': 'new App();' });
    expect((await findTargets([bare])).errors.map((error) => error.message)).toEqual([`${bare}/cdk.json: a CDK app without its synthesized templates (cdk.out/): its APIs were not read. Run \`npx cdk synth\` in ${bare} before scanning`]);
    const custom = folder({ 'cdk.json': '{"app": "x", "output": "build/cdk"}', 'build/cdk/Stack.template.json': '{"Resources": {"A": {"Type": "AWS::ApiGatewayV2::Api"}}}' });
    expect((await findTargets([custom])).errors).toEqual([]);
    const synthesized = folder({ 'cdk.json': '{"app": "x"}', 'cdk.out/Stack.template.json': '{"Resources": {"A": {"Type": "AWS::ApiGatewayV2::Api"}}}' });
    const found = await findTargets([synthesized]);
    expect(found.errors).toEqual([]);
    expect(found.targets.map((target) => target.path)).toEqual([`${synthesized}/cdk.out/Stack.template.json`]);
  });

  test('a folder with nothing the scan reads is an error, so the run is not "0 APIs, complete"', async () => {
    const root = folder({ 'README.md': '# nothing', 'config.yaml': 'a: 1' });
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([`${root}: holds no CloudFormation/SAM template, CDK cdk.out, Serverless service, Terraform configuration, plan or snapshot, so nothing was scanned`]);
    expect(result.summary.complete).toBe(false);
  });

  test.each([
    ['TypeScript', 'lib/stack.ts', "import { WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';\n"],
    ['CDK v1', 'lib/stack.js', "const apigw = require('@aws-cdk/aws-apigatewayv2');\n"],
    ['Python', 'app/stack.py', 'from aws_cdk import aws_apigatewayv2 as apigw\n'],
    ['Java', 'src/Stack.java', 'import software.amazon.awscdk.services.apigatewayv2.*;\n'],
    ['C#', 'src/Stack.cs', 'using Amazon.CDK.AWS.Apigatewayv2;\n'],
  ])('CDK app source in %s without cdk.json or cdk.out is named in the error, with the command that makes it scannable', async (_language, file, source) => {
    const root = folder({ 'README.md': '# app', 'lib/other.ts': 'export const x = 1;\n', [file]: source });
    const result = await scanAll(root);
    expect(result.errors.map((error) => error.message)).toEqual([
      `${root}: holds no CloudFormation/SAM template, CDK cdk.out, Serverless service, Terraform configuration, plan or snapshot, so nothing was scanned; it holds CDK app source (${root}/${file} imports the AWS CDK), whose APIs are read from its synthesized templates: run \`npx cdk synth\` and scan the cdk.out folder it writes`,
    ]);
    expect(result.summary.complete).toBe(false);
  });

  test('source that does not import the CDK, or only mentions it past the first 8 KB, is not called CDK source', async () => {
    const root = folder({ 'src/app.ts': `${'// filler\n'.repeat(1000)}import 'aws-cdk-lib';\n`, 'src/types.d.ts': "import 'aws-cdk-lib';\n" });
    expect((await scanAll(root)).errors.map((error) => error.message)).toEqual([`${root}: holds no CloudFormation/SAM template, CDK cdk.out, Serverless service, Terraform configuration, plan or snapshot, so nothing was scanned`]);
  });

  test('a template that cannot be read is an error naming it (the folder search no longer skips it)', async () => {
    const root = folder({ 'unreadable-template.yaml': 'Resources: {}', 'other.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n' });
    const { errors, targets } = await findTargets([root]);
    expect(errors.map((error) => error.message)).toEqual([`${root}/unreadable-template.yaml: cannot read the file: permission denied (EACCES)`]);
    expect(targets.map((target) => target.path)).toEqual([`${root}/other.yaml`]);
    // Named on the command line: the same one error.
    expect((await findTargets([`${root}/unreadable-template.yaml`])).errors.map((error) => error.message)).toEqual([`${root}/unreadable-template.yaml: cannot read the file: permission denied (EACCES)`]);
  });
});
