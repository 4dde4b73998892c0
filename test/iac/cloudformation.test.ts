import { assemble } from '../../lib/iac/assemble';
import { readCloudFormation } from '../../lib/iac/cloudformation/read-template';
import { IacError } from '../../lib/iac/iac-error';
import { isUnresolved } from '../../lib/model/unresolved';
import { scan } from '../../lib/iac/scan';
import { RULES } from '../../lib/rules';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reads a template given as text and returns the snapshot's first API. */
function read(template: string) {
  const assembled = assemble(readCloudFormation(template, 'template.yaml'));
  return { ...assembled, api: assembled.snapshot.apis[0]! };
}

const header = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: api
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
`;

describe('CloudFormation intrinsic functions', () => {
  const integration = (properties: string, extra = '') =>
    read(`${header}${extra}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !GetAtt Api.ApiId
${properties}`).api.integrations[0]!;

  test.each([
    ['!Sub with a variable map', "      Description: !Sub ['${A}-${B}', {A: x, B: !Ref Api}]", 'x-Api'],
    ['!Sub keeps ${!Literal}', "      Description: !Sub 'a ${!Literal}'", 'a ${Literal}'],
    ['!Join of a !Split', "      Description: !Join ['+', !Split [',', 'a,b,c']]", 'a+b+c'],
    ['!Select', '      Description: !Select [1, [a, b, c]]', 'b'],
    ['!FindInMap', '      Description: !FindInMap [M, top, second]', 'found'],
    ['!FindInMap DefaultValue', '      Description: !FindInMap [M, top, missing, {DefaultValue: fallback}]', 'fallback'],
    ['!Base64', '      Description: !Base64 hi', 'aGk='],
    ['a parameter with a Default', '      Description: !Ref P', 'from-default'],
    ['Fn::If on a condition that holds', '      Description: {"Fn::If": [Yes, yes, no]}', 'yes'],
    ['!If on a negated condition', '      Description: !If [No, yes, no]', 'no'],
    ['a plain number keeps its text', '      Description: 1.0', '1.0'],
  ])('%s', (_name, line, expected) => {
    const extra = `
Parameters:
  P: {Type: String, Default: from-default}
Mappings:
  M: {top: {second: found}}
Conditions:
  Yes: !Equals [!Ref P, from-default]
  No: !Not [!Condition Yes]
Resources:
`;
    const template = `${header.replace('Resources:\n', extra)}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: MOCK
${line}`;
    expect(read(template).api.integrations[0]!['Description']).toBe(expected);
  });

  test('AWS::NoValue leaves the property out', () => {
    expect(integration("      IntegrationType: MOCK\n      Description: !Ref 'AWS::NoValue'")).not.toHaveProperty('Description');
  });

  test('what depends on a deployment is unresolved, with the reason', () => {
    const read = integration('      IntegrationType: AWS\n      IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Fn.Arn}/invocations\n      Description: !ImportValue shared', '\n  Fn:\n    Type: AWS::Lambda::Function\n');
    expect(isUnresolved(read['IntegrationUri'])).toBe(true);
    expect(String((read['Description'] as { reason: string }).reason)).toBe('!ImportValue "shared"');
  });

  test('Json properties given as JSON text are read as objects; TimeoutInMillis as a number', () => {
    const read = integration(`      IntegrationType: MOCK\n      TimeoutInMillis: 29000\n      RequestTemplates: '{"$default": "{}"}'`);
    expect(read['RequestTemplates']).toEqual({ $default: '{}' });
    expect(read['TimeoutInMillis']).toBe(29000);
  });

  test('a resource whose Condition is false is not read', () => {
    const { api } = read(`${header.replace('Resources:', 'Conditions:\n  Never: !Equals [a, b]\nResources:')}
  Route:
    Type: AWS::ApiGatewayV2::Route
    Condition: Never
    Properties: {ApiId: !Ref Api, RouteKey: $default}
`);
    expect(api.routes).toEqual([]);
  });
});

describe('HTTP API ResponseParameters in CloudFormation shape', () => {
  const template = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: http, ProtocolType: HTTP}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: HTTP_PROXY
      IntegrationUri: https://example.com
      ResponseParameters:
        '403':
          ResponseParameters:
            - Destination: overwrite:statuscode
              Source: '401'
        '500':
          remove:header.x-trace: "''"
`;

  test('become the API shape, each mapping located at its Destination item', () => {
    const { api, warnings, sourceMap } = read(template);
    expect(api.integrations[0]!['ResponseParameters']).toEqual({ '403': { 'overwrite:statuscode': '401' }, '500': { 'remove:header.x-trace': "''" } });
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining("written in the API's shape")]);
    const finding = { ruleId: 'X', resource: { type: 'Integration', arn: 'a', apiId: 'Api', integrationId: 'Integration' }, path: 'ResponseParameters["403"]["overwrite:statuscode"]' } as Parameters<typeof sourceMap.locate>[0];
    expect(sourceMap.locate(finding).location).toEqual({ file: 'template.yaml', line: 15, column: 15 });
    expect(sourceMap.locate({ ...finding, path: 'ConnectionType' }).location).toEqual({ file: 'template.yaml', line: 6, column: 3 });
  });
});

describe('links the scan cannot follow', () => {
  test('a response on an imported integration makes the other integrations\' response lists unknown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-'));
    const file = join(dir, 'template.yaml');
    writeFileSync(
      file,
      `${header}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: {ApiId: !Ref Api, IntegrationType: MOCK}
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: $default, Target: !Sub 'integrations/\${Integration}', RouteResponseSelectionExpression: $default}
  RouteResponse:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties: {ApiId: !Ref Api, RouteId: !Ref Route, RouteResponseKey: $default}
  Response:
    Type: AWS::ApiGatewayV2::IntegrationResponse
    Properties: {ApiId: !Ref Api, IntegrationId: !ImportValue maybe-the-integration-above, IntegrationResponseKey: $default}
`,
    );
    const rules = RULES.map((rule) => ({ rule }));
    const result = await scan([file], rules, 'info');
    // IR012 (two-way non-proxy integration without responses) cannot know the imported response is not its own.
    expect(result.findings.filter((finding) => finding.ruleId === 'IR012')).toEqual([]);
    expect(result.summary.unresolved).toBe(1);
  });
});

describe('malformed templates', () => {
  test.each([
    ['a !Ref to nothing', `${header}  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties: {ApiId: !Ref Missing, RouteKey: x}\n`, /template.yaml:12:\d+: !Ref Missing: no parameter or resource has this name/],
    ['a condition cycle', `${header.replace('Resources:', 'Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:')}  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Condition: A\n    Properties: {ApiId: !Ref Api, RouteKey: x}\n`, /reference cycle between conditions: A -> B -> A/],
    ['no Resources', 'AWSTemplateFormatVersion: 2010-09-09\n', /not a CloudFormation template/],
  ])('%s', (_name, template, message) => {
    expect(() => read(template)).toThrow(IacError);
    expect(() => read(template)).toThrow(message);
  });
});
