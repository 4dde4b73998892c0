import { serviceTemplate } from '../../lib/iac/serverless/service-template';
import { runCli } from '../support/run-cli';
import { scanAll, writeFolder } from './scan-support';

/** serverless.yml read directly: the template it stands for, and the messages of what was not read. */
function read(text: string): { resources: Record<string, { Type: string; Properties: Record<string, unknown> }>; unread: string[] } {
  const { source, unread } = serviceTemplate(text, 'serverless.yml');
  const value = source.value as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  return { resources: value.Resources, unread: unread.map((error) => error.message) };
}

describe('httpApi events, as Serverless Framework v3 compiles them', () => {
  test("the API, one proxy integration per function (payload 2.0 by default), one route per event: '*', 'METHOD /path' and {method, path}", () => {
    const { resources, unread } = read(`service: shop
provider: { name: aws, httpApi: { name: shop-api } }
functions:
  users:
    handler: h.users
    events:
      - httpApi: 'GET /users'
      - httpApi: { method: post, path: '/users/{id}' }
  fallback:
    handler: h.fallback
    events: [{ httpApi: '*' }]
`);
    expect(unread).toEqual([]);
    expect(resources['HttpApi']).toEqual({ Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'shop-api', ProtocolType: 'HTTP' } });
    expect(resources['HttpApiIntegrationUsers']!.Properties).toMatchObject({ ApiId: { Ref: 'HttpApi' }, IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0', TimeoutInMillis: 30000 });
    expect(Object.keys(resources).filter((id) => resources[id]!.Type === 'AWS::ApiGatewayV2::Route').sort()).toEqual(['HttpApiRouteDefault', 'HttpApiRouteGetUsers', 'HttpApiRoutePostUsersIdVar']);
    expect(resources['HttpApiRouteDefault']!.Properties).toEqual({ ApiId: { Ref: 'HttpApi' }, RouteKey: '$default', Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'HttpApiIntegrationFallback' }]] } });
    expect(resources['HttpApiRoutePostUsersIdVar']!.Properties['RouteKey']).toBe('POST /users/{id}');
  });

  test('payload from the function, else provider.httpApi.payload; CORS true takes the defaults and the routes\' methods', () => {
    const { resources } = read(`service: s
provider: { name: aws, stage: prod, httpApi: { payload: '1.0', cors: true } }
functions:
  a: { handler: h.a, httpApi: { payload: '2.0' }, events: [{ httpApi: 'PUT /a' }] }
  b: { handler: h.b, events: [{ httpApi: 'GET /b' }] }
`);
    expect(resources['HttpApiIntegrationA']!.Properties['PayloadFormatVersion']).toBe('2.0');
    expect(resources['HttpApiIntegrationB']!.Properties['PayloadFormatVersion']).toBe('1.0');
    expect(resources['HttpApi']!.Properties).toEqual({
      Name: 'prod-s',
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowHeaders: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'],
        AllowMethods: ['OPTIONS', 'PUT', 'GET'],
        AllowOrigins: ['*'],
      },
    });
  });

  test('an external HTTP API (provider.httpApi.id): no API is generated, the routes and integrations join it', () => {
    const { resources, unread } = read(`service: s
provider: { name: aws, httpApi: { id: abc123 } }
functions: { a: { handler: h.a, events: [{ httpApi: 'GET /a' }] } }
`);
    expect(unread).toEqual([]);
    expect(resources['HttpApi']).toBeUndefined();
    expect(resources['HttpApiRouteGetA']!.Properties['ApiId']).toBe('abc123');
  });

  test('JWT and IAM authorization on routes, with the authorizer the framework generates', () => {
    const { resources } = read(`service: s
provider:
  name: aws
  httpApi: { authorizers: { jwt: { identitySource: $request.header.Authorization, issuerUrl: https://issuer, audience: [a] } } }
functions:
  a: { handler: h.a, events: [{ httpApi: { method: GET, path: /a, authorizer: { name: jwt, scopes: [read] } } }, { httpApi: { method: GET, path: /b, authorizer: { type: aws_iam } } }] }
`);
    expect(resources['HttpApiRouteGetA']!.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: 'HttpApiAuthorizerJwt' }, AuthorizationScopes: ['read'] });
    expect(resources['HttpApiRouteGetB']!.Properties).toMatchObject({ AuthorizationType: 'AWS_IAM' });
    expect(resources['HttpApiAuthorizerJwt']!.Type).toBe('AWS::ApiGatewayV2::Authorizer');
  });

  test('what the framework refuses is named: no method, an unknown method, a duplicate route, an unknown authorizer', () => {
    const { unread } = read(`service: s
provider: { name: aws }
functions:
  a:
    handler: h.a
    events:
      - httpApi: { path: /a }
      - httpApi: { method: fetch, path: /a }
      - httpApi: 'GET /a'
      - httpApi: 'GET /a'
      - httpApi: { method: GET, path: /c, authorizer: nobody }
`);
    expect(unread).toEqual([
      expect.stringContaining('functions.a.events[0].httpApi: the route "/a" has no method'),
      expect.stringContaining('functions.a.events[1].httpApi: "fetch" is not a method'),
      expect.stringContaining('functions.a.events[3].httpApi: route "GET /a" is defined twice'),
      expect.stringContaining('functions.a.events[4].httpApi.authorizer: authorizer "nobody" is not in provider.httpApi.authorizers'),
    ]);
  });
});

describe('websocket events', () => {
  test('an authorizer makes the route CUSTOM with the generated authorizer; the API is named as the framework names it', () => {
    const { resources } = read(`service: chat
provider: { name: aws }
functions:
  auth: { handler: h.auth }
  connect: { handler: h.c, events: [{ websocket: { route: $connect, authorizer: auth } }] }
`);
    expect(resources['WebsocketsApi']!.Properties).toEqual({ Name: 'dev-chat-websockets', RouteSelectionExpression: '$request.body.action', Description: 'Serverless Websockets', ProtocolType: 'WEBSOCKET' });
    expect(resources['SconnectWebsocketsRoute']!.Properties).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'AuthWebsocketsAuthorizer' } });
    expect(resources['AuthWebsocketsAuthorizer']!.Properties).toMatchObject({ AuthorizerType: 'REQUEST', IdentitySource: ['route.request.header.Auth'] });
  });
});

describe('completeness: only what was not read is an error, and it is named', () => {
  const service = (extra: string) => `service: s
provider: { name: aws }
functions: { a: { handler: h.a, events: [{ httpApi: 'GET /a' }] } }
${extra}`;

  test('plugins known to leave API Gateway V2 alone are no error; any other plugin is named; a name that is not a string is refused', () => {
    expect(read(service('plugins: [serverless-esbuild, serverless-offline]\n')).unread).toEqual([]);
    expect(read(service('plugins: { localPath: ./plugins, modules: [serverless-webpack] }\n')).unread).toEqual([]);
    expect(read(service('plugins: [serverless-offline, serverless-domain-manager, true, { name: x }]\n')).unread).toEqual([
      expect.stringMatching(/^serverless\.yml:4:\d+: plugins\[1\]: plugin "serverless-domain-manager" is not known to leave API Gateway V2 resources alone/),
      expect.stringContaining('plugins[2]: a plugin name must be a string, not true'),
      expect.stringContaining('plugins[3]: a plugin name must be a string, not {"name":"x"}'),
    ]);
    expect(read(service('plugins: ${file(./plugins.yml)}\n')).unread).toEqual([expect.stringContaining('plugins: the plugins come from "${file(./plugins.yml)}", a variable the scan does not resolve')]);
  });

  test('functions, a function or its events from a variable or include are named', () => {
    expect(read('service: s\nfunctions: ${file(./functions.yml)}\n').unread).toEqual([expect.stringContaining('functions: the functions come from "${file(./functions.yml)}"')]);
    expect(read('service: s\nfunctions: { a: "${file(./a.yml)}" }\n').unread).toEqual([expect.stringContaining('functions.a: function "a" comes from "${file(./a.yml)}"')]);
    expect(read('service: s\nfunctions: { a: { handler: h, events: "${self:custom.events}" } }\n').unread).toEqual([expect.stringContaining('functions.a.events: the events come from "${self:custom.events}"')]);
    expect(read('service: s\nfunctions: { a: { handler: h, events: [{ sqs: q }, "${file(./e.yml)}"] } }\n').unread).toEqual([expect.stringContaining('functions.a.events[1]: the event comes from "${file(./e.yml)}"')]);
  });

  test('provider.httpApi from a variable is named when httpApi events use it, and only then', () => {
    expect(read(`service: s\nprovider: { name: aws, httpApi: '\${file(./http.yml)}' }\nfunctions: { a: { handler: h.a, events: [{ httpApi: 'GET /a' }] } }\n`).unread).toEqual([
      expect.stringContaining('provider.httpApi: the section comes from "${file(./http.yml)}"'),
    ]);
    expect(read(`service: s\nprovider: { name: aws, httpApi: '\${file(./http.yml)}' }\nfunctions: { a: { handler: h.a, events: [{ websocket: $connect }] } }\n`).unread).toEqual([]);
  });

  test('resources as a list: literal parts are merged and read, a part from an include is named', () => {
    const { resources, unread } = read(`service: s
resources:
  - Resources:
      Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: one, ProtocolType: WEBSOCKET } }
  - Resources:
      Api: { Properties: { RouteSelectionExpression: $request.body.action } }
  - \${file(./more-resources.yml)}
`);
    expect(resources['Api']).toEqual({ Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'one', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } });
    expect(unread).toEqual([expect.stringMatching(/^serverless\.yml:7:\d+: resources\[2\]: the resources come from "\$\{file\(\.\/more-resources\.yml\)\}"/)]);
  });

  test('resources.extensions change a generated resource as the framework does', () => {
    const { resources, unread } = read(service(`resources:
  extensions:
    HttpApiIntegrationA: { Properties: { PayloadFormatVersion: '1.0' } }
    Missing: { Properties: {} }
`));
    expect(resources['HttpApiIntegrationA']!.Properties).toMatchObject({ PayloadFormatVersion: '1.0', IntegrationType: 'AWS_PROXY' });
    expect(unread).toEqual([expect.stringContaining('resources.extensions.Missing: there is no resource "Missing" to extend')]);
  });

  test('serverless.json is read as serverless.yml is', async () => {
    const root = writeFolder({ 'serverless.json': JSON.stringify({ service: 's', provider: { name: 'aws' }, functions: { a: { handler: 'h.a', events: [{ httpApi: 'GET /a' }] } } }) });
    const result = await scanAll(root);
    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual([{ kind: 'serverless', path: `${root}/serverless.json`, resources: 3 }]);
  });

  test('a service with nothing unread scans complete, exit 0', async () => {
    const root = writeFolder({ 'serverless.yml': service('plugins: [serverless-esbuild]\n') });
    const result = await scanAll(root);
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatchObject({ complete: true, apisAudited: 1 });
  });
});

describe('hostile services', () => {
  test('events that are not a list, and settings that are not maps, are refused by name', () => {
    expect(read('service: s\nfunctions: { a: { handler: h, events: { httpApi: "GET /a" } } }\n').unread).toEqual([expect.stringContaining('functions.a.events: not a list of events but {"httpApi":"GET /a"}')]);
    expect(read('service: s\nfunctions: { a: true }\n').unread).toEqual([expect.stringContaining('functions.a: function "a" is not a map but true')]);
    expect(read('service: s\nprovider: { name: aws }\nresources: [true]\n').unread).toEqual([expect.stringContaining('resources[0]: not a map of template sections but true')]);
  });

  test('20,000 events: one route each, read in one linear pass', () => {
    const events = Array.from({ length: 20_000 }, (_, index) => `      - httpApi: 'GET /r${index}'`).join('\n');
    const { resources, unread } = read(`service: s\nfunctions:\n  a:\n    handler: h\n    events:\n${events}\n`);
    expect(unread).toEqual([]);
    expect(Object.values(resources).filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')).toHaveLength(20_000);
  });

  test('a route key and a function name with control characters never reach the report raw', async () => {
    const root = writeFolder({
      'serverless.yml': 'service: s\nfunctions:\n  "f\\x1b[31m":\n    handler: h\n    events:\n      - httpApi: "GET /a\\x07b"\n      - httpApi: { method: "G\\x1bT", path: /x }\n',
    });
    const { stdout, code } = await runCli('scan', root, '--fail-on', 'none');
    expect(code).toBe(3);
    expect(stdout).toContain('is not a method an HTTP API route takes');
    // Nothing but newlines below 0x20, no DEL, no C1 control.
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
