import { IR004 } from '../../lib/rules/ir/IR004';
import { ruleTable } from '../support/rule-table';

const ws = (ResponseParameters: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});

ruleTable(IR004, {
  fires: [
    { name: 'misspelt prefix', api: ws({ 'method.response.headr.X': "'1'" }), expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.headr.X"]', message: 'method.response.headr.X' }] },
    { name: 'no header name', api: ws({ 'method.response.header.': "'1'" }), expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header."]' }] },
    { name: 'space in the header name', api: ws({ 'method.response.header.X Id': "'1'" }), expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X Id"]' }] },
    { name: 'HTTP API style action key', api: ws({ 'overwrite:header.X': 'v' }), expect: [{ at: 'ir1', path: 'ResponseParameters["overwrite:header.X"]' }] },
    { name: 'colon in the header name', api: ws({ 'method.response.header.X:Y': "'1'" }), expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X:Y"]' }] },
    {
      name: 'only the bad keys of several',
      api: ws({ 'method.response.header.Good': "'1'", 'integration.response.header.X': "'2'", 'Method.Response.Header.Y': "'3'" }),
      expect: [
        { at: 'ir1', path: 'ResponseParameters["integration.response.header.X"]' },
        { at: 'ir1', path: 'ResponseParameters["Method.Response.Header.Y"]' },
      ],
    },
  ],
  quiet: [
    { name: 'valid keys with token characters', api: ws({ 'method.response.header.X-Request-Id': 'integration.response.header.X', "method.response.header.a!#$%&'*+.^_`|~9": "'v'" }) },
    { name: 'no response parameters', api: ws(undefined) },
    { name: 'response parameters that are not a map', api: ws('method.response.header.X') },
    { name: 'empty map', api: ws({}) },
  ],
});
