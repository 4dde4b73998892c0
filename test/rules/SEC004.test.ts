import { SEC004 } from '../../lib/rules/sec/SEC004';
import { findingsOf, ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (response: Record<string, unknown>, ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ...response }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

/** AWS's documented example key id and other made-up credentials: each matches one pattern. */
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const TEMPORARY_KEY = 'ASIAIOSFODNN7EXAMPLE';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZw';
const BEARER = 'Bearer abcdefghijklmnop1234';
const PRIVATE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----';

const cases = {
  fires: [
    { name: 'HTTP: access key id in a static header', api: http({ 'overwrite:header.x-debug': `key ${ACCESS_KEY}` }), expect: [{ at: 'i1', path: at('overwrite:header.x-debug'), message: 'an AWS access key id' }] },
    { name: 'HTTP: temporary key id', api: http({ 'overwrite:header.x-debug': TEMPORARY_KEY }), expect: [{ at: 'i1', path: at('overwrite:header.x-debug'), message: 'an AWS temporary access key id' }] },
    { name: 'HTTP: JWT next to a variable', api: http({ 'append:header.x-t': `${JWT} \${context.requestId}` }), expect: [{ at: 'i1', path: at('append:header.x-t'), message: 'a JSON Web Token' }] },
    { name: 'HTTP: bearer token', api: http({ 'overwrite:header.x-upstream-auth': BEARER }), expect: [{ at: 'i1', path: at('overwrite:header.x-upstream-auth'), message: 'a bearer token' }] },
    { name: 'HTTP: password assignment', api: http({ 'overwrite:header.x-conf': 'db password=hunter2hunter2' }), expect: [{ at: 'i1', path: at('overwrite:header.x-conf'), message: 'a password, secret, API key or token assignment' }] },
    {
      name: 'HTTP: credential header with any static value',
      api: http({ 'overwrite:header.x-api-key': 'k3y-0123456789abcdef' }),
      expect: [{ at: 'i1', path: at('overwrite:header.x-api-key'), message: 'header whose name suggests a credential' }],
    },
    { name: 'HTTP: even in a removal (the value is stored)', api: http({ 'remove:header.x': ACCESS_KEY }), expect: [{ at: 'i1', path: at('remove:header.x') }] },
    {
      name: 'WebSocket: static value and header name',
      api: ws({ ResponseParameters: { 'method.response.header.X-Key': `'${ACCESS_KEY}'`, 'method.response.header.Authorization': "'Basic dXNlcjpwYXNz'" } }),
      expect: [
        { at: 'ir1', path: 'ResponseParameters["method.response.header.X-Key"]', message: 'an AWS access key id' },
        { at: 'ir1', path: 'ResponseParameters["method.response.header.Authorization"]', message: 'header "Authorization"' },
      ],
    },
    { name: 'WebSocket: unquoted (malformed) static value', api: ws({ ResponseParameters: { 'method.response.header.X': JWT } }), expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X"]' }] },
    {
      name: 'WebSocket: template text',
      api: ws({ ResponseTemplates: { 'application/json': `{"key": "${PRIVATE_KEY.replace(/\n/g, '\\n')}", "id": "$context.requestId"}\n`, $default: `#set($token = "${JWT}")\n{"t": "$token"}` } }),
      expect: [
        { at: 'ir1', path: 'ResponseTemplates["application/json"]', message: 'a private key block' },
        { at: 'ir1', path: 'ResponseTemplates["$default"]', message: 'a JSON Web Token and a password, secret, API key or token assignment' },
      ],
    },
  ],
  quiet: [
    { name: 'HTTP: credential header from the backend', api: http({ 'overwrite:header.x-api-key': '$response.header.x-api-key' }) },
    { name: 'HTTP: credential header removed', api: http({ 'remove:header.x-api-key': "''" }) },
    { name: 'HTTP: credential header set to an empty placeholder', api: http({ 'overwrite:header.x-token': "''" }) },
    { name: 'HTTP: ordinary static values', api: http({ 'append:header.cache-control': 'no-store', 'overwrite:header.x-request-id': '$context.requestId' }) },
    { name: 'HTTP: assignment of a variable', api: http({ 'overwrite:header.x': 'token=${context.authorizer.token}' }) },
    { name: 'HTTP: short assignment', api: http({ 'overwrite:header.x': 'token=abc' }) },
    { name: 'HTTP: header list naming credential headers', api: http({ 'overwrite:header.x-allowed': 'Authorization, X-Api-Key, X-Amz-Security-Token' }) },
    { name: 'WebSocket: credential header from the backend', api: ws({ ResponseParameters: { 'method.response.header.X-Api-Key': 'integration.response.header.X-Api-Key' } }) },
    { name: 'WebSocket: empty static credential header', api: ws({ ResponseParameters: { 'method.response.header.Authorization': "''" } }) },
    {
      name: 'WebSocket: template that assigns variables',
      api: ws({ ResponseTemplates: { $default: '#set($token = $input.path(\'$.token\'))\n{"token": "$util.escapeJavaScript($token)", "password": "$input.path(\'$.pw\')"}\n' } }),
    },
    { name: 'WebSocket: non-string template', api: ws({ ResponseTemplates: { $default: 12 } }) },
    { name: 'templates on an HTTP API', api: ws({ ResponseTemplates: { $default: ACCESS_KEY }, ResponseParameters: { 'method.response.header.X': `'${ACCESS_KEY}'` } }, 'HTTP') },
  ],
};

ruleTable(SEC004, cases);

describe('SEC004 never shows the secret', () => {
  const secrets = [ACCESS_KEY, TEMPORARY_KEY, JWT, BEARER, 'hunter2', 'k3y-0123', 'MIIEow', 'dXNlcjpwYXNz', 'IOSFODNN'];
  test.each(cases.fires.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const finding of findingsOf(SEC004, c.api)) {
      for (const secret of secrets) expect(finding.message).not.toContain(secret);
    }
  });
});
