import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingChecks } from './client-mappings';

export const SEC003 = defineRule({
  meta: {
    id: 'SEC003',
    name: 'set-cookie-from-body',
    kind: 'security',
    severity: 'medium',
    title: 'Response mapping builds Set-Cookie from the response body',
    rationale:
      'A cookie built from payload data can be shaped by whatever controls the payload, a cookie-injection risk, and it bypasses the attributes a backend would set (a heuristic; OWASP points to the Session Management Cheat Sheet).',
    remediation: 'Set the cookie in the backend\'s own Set-Cookie header, with Secure, HttpOnly and SameSite attributes.',
    source: 'https://github.com/OWASP/CheatSheetSeries/blob/master/cheatsheets/HTTP_Headers_Cheat_Sheet.md',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.set-cookie': '$response.body.cookie' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.set-cookie': '$response.header.set-cookie' } } }],
      },
    },
  },
  check: mappingChecks(({ where, header, sent, sources }) => {
    if (!sent || header?.toLowerCase() !== 'set-cookie') return undefined;
    const body = sources.filter((source) => source.root === 'response.body');
    if (body.length === 0) return undefined;
    return `The mapping of ${where} builds the cookie from the response body (${body.map((source) => show(source.text)).join(', ')}).`;
  }),
});
