import { openApiResources } from '../../lib/iac/openapi/openapi-resources';
import { scanAll, writeFolderInside } from './scan-support';

/** Definitions written inside the working directory (the scan reads no body file outside it). */
function folder(files: Record<string, string>): string {
  return writeFolderInside('openapi-test-', files);
}

/** An HTTP API defined by OpenAPI, in the shape of the API Gateway developer guide's examples, with two response-mapping mistakes. */
const DEFINITION = `openapi: "3.0.1"
info: { title: pets, version: "1.0" }
x-amazon-apigateway-cors:
  allowOrigins: ["https://example.com"]
  maxAge: 300
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/pets
        payloadFormatVersion: "1.0"
        responseParameters:
          "2xx":
            overwrite:header.x-source: static
          "404":
            rewrite:header.x-missing: gone
  /pets/{id}:
    x-amazon-apigateway-any-method:
      x-amazon-apigateway-integration:
        $ref: "#/components/x-amazon-apigateway-integrations/lambda"
components:
  x-amazon-apigateway-integrations:
    lambda:
      type: aws_proxy
      uri: !Sub "arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations"
      payloadFormatVersion: "2.0"
      responseParameters:
        "500":
          overwrite:statuscode: "503"
`;

const indented = (text: string, spaces: number) => text.split('\n').map((line) => (line === '' ? line : `${' '.repeat(spaces)}${line}`)).join('\n');

describe('OpenAPI definitions of HTTP APIs', () => {
  test('openApiResources: routes and integrations with the fields an HTTP API import sets', () => {
    const { apiFields, resources } = openApiResources(
      { 'x-amazon-apigateway-cors': { allowOrigins: ['*'], maxAge: '60' }, paths: { '/a': { post: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: 'arn:x', timeoutInMillis: '3000', requestTemplates: { x: 'y' } } }, parameters: [] } } },
      { apiId: 'Api', file: 't.yaml', positionOf: () => undefined, fallback: { line: 1, column: 1 } },
    );
    expect(apiFields).toEqual({ ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path', CorsConfiguration: { AllowOrigins: ['*'], MaxAge: 60 } });
    expect(resources.map(({ kind, id, fields, apiId }) => ({ kind, id, fields, apiId }))).toEqual([
      { kind: 'integration', id: 'Api POST /a integration', fields: { IntegrationType: 'AWS_PROXY', IntegrationUri: 'arn:x', TimeoutInMillis: 3000 }, apiId: 'Api' },
      { kind: 'route', id: 'Api POST /a', fields: { RouteKey: 'POST /a', Target: 'integrations/Api POST /a integration' }, apiId: 'Api' },
    ]);
  });

  test('a Body in the template: the HTTP API rules run on its integrations, located in the template', async () => {
    const root = folder({ 'template.yaml': `Resources:\n  Handler: { Type: AWS::Lambda::Function }\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Body:\n${indented(DEFINITION, 8)}` });
    const result = await scanAll(`${root}/template.yaml`);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.resource.logicalId} ${finding.path} ${finding.location?.line}`)).toEqual(
      expect.arrayContaining(['HP001 Api GET /pets integration ResponseParameters["2xx"] 21', 'HP002 Api GET /pets integration ResponseParameters["404"]["rewrite:header.x-missing"] 24']),
    );
    // The Lambda integration's unknown function ARN does not hide its valid mapping, and nothing is reported on it.
    expect(result.findings.filter((finding) => finding.resource.logicalId === 'Api ANY /pets/{id} integration')).toEqual([]);
  });

  test.each([
    ['SAM DefinitionUri', '      DefinitionUri: openapi.yaml\n'],
    ['SAM DefinitionBody through the AWS::Include transform', "      DefinitionBody:\n        'Fn::Transform':\n          Name: AWS::Include\n          Parameters: { Location: ./openapi.yaml }\n"],
  ])('a definition file named by %s is read, and findings point into it', async (_name, definition) => {
    const root = folder({
      'openapi.yaml': DEFINITION.replace(/ {6}uri: !Sub .*\n/, '      uri: arn:aws:lambda:eu-west-1:123456789012:function:pets\n'),
      'template.yaml': `Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n${definition}`,
    });
    const result = await scanAll(`${root}/template.yaml`);
    expect(result.errors).toEqual([]);
    expect(result.findings.find((finding) => finding.ruleId === 'HP001')?.location).toEqual({ file: `${root}/openapi.yaml`, line: 15, column: 11 });
  });

  test("an included file's intrinsic functions are evaluated as CloudFormation does (AWS::Include), an uploaded file's are not", async () => {
    const definition = 'openapi: "3.0.1"\npaths:\n  /events:\n    post:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        integrationSubtype: EventBridge-PutEvents\n        credentials: { "Fn::GetAtt": [Role, Arn] }\n        payloadFormatVersion: "1.0"\n';
    const template = (body: string) => `Resources:\n  Role: { Type: AWS::IAM::Role }\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n${body}`;
    const root = folder({
      'api.yaml': definition,
      'included.yaml': template("      Body:\n        'Fn::Transform': { Name: AWS::Include, Parameters: { Location: ./api.yaml } }\n"),
      'uploaded.yaml': template('      BodyS3Location: ./api.yaml\n'),
    });
    const included = await scanAll(`${root}/included.yaml`);
    expect(included.errors).toEqual([]);
    expect(included.unresolved.map((value) => `${value.resource}.${value.path}`)).toEqual(['Api POST /events integration.CredentialsArn']);
    const uploaded = await scanAll(`${root}/uploaded.yaml`);
    expect(uploaded.errors).toEqual([]);
    expect(uploaded.unresolved).toEqual([]);
  });

  test('serverless.yml with `Body: ${file(./api.json)}`: the framework inlines the file, and the scan reads it, located in the file', async () => {
    const root = folder({
      'api.json': JSON.stringify({ openapi: '3.0.1', paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', uri: 'https://example.com', payloadFormatVersion: '1.0', responseParameters: { '2xx': { 'append:header.x': 'static' } } } } } } }, null, 2),
      'serverless.yml': 'service: s\nprovider: { name: aws }\nresources:\n  Resources:\n    Api:\n      Type: AWS::ApiGatewayV2::Api\n      Properties:\n        Body: ${file(./api.json)}\n',
    });
    const result = await scanAll(root);
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatchObject({ complete: true, apisAudited: 1 });
    expect(result.findings.find((finding) => finding.ruleId === 'HP001')?.location?.file).toBe(`${root}/api.json`);
  });

  test('a definition in S3, outside the working directory or missing is an error: the API is known but not read', async () => {
    const root = folder({
      'template.yaml': [
        'Resources:',
        '  InS3: { Type: AWS::ApiGatewayV2::Api, Properties: { BodyS3Location: { Bucket: defs, Key: api.yaml } } }',
        '  Outside: { Type: AWS::ApiGatewayV2::Api, Properties: { BodyS3Location: ../../../../etc/api.yaml } }',
        '  Missing: { Type: AWS::ApiGatewayV2::Api, Properties: { BodyS3Location: nothing.yaml } }',
        '',
      ].join('\n'),
    });
    const result = await scanAll(`${root}/template.yaml`);
    expect(result.summary.complete).toBe(false);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/template\.yaml:2:\d+: the OpenAPI definition of InS3 \(BodyS3Location\) is not read, so its routes and integrations are not audited: the definition is in S3 or not named by a path \(\{"Bucket":"defs","Key":"api.yaml"\}\)/),
      expect.stringMatching(/the OpenAPI definition of Outside \(BodyS3Location\) is not read, .*: \.\.\/\.\.\/\.\.\/\.\.\/etc\/api\.yaml is outside the working directory/),
      expect.stringMatching(/the OpenAPI definition of Missing \(BodyS3Location\) is not read, .*nothing\.yaml: cannot read the file: no such file or folder \(ENOENT\)/),
    ]);
  });
});
