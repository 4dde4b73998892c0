import { defineRule } from '../define-rule';
import { show } from '../values';
import { isBlank, mappingChecks } from './client-mappings';

/** `name=value; attributes`: the name and value of the cookie a Set-Cookie value sets. */
const COOKIE = /^\s*([^=;]*)=([^;]*)/;

export const SEC002 = defineRule({
  meta: {
    id: 'SEC002',
    name: 'set-cookie-static',
    kind: 'security',
    severity: 'high',
    title: 'Response mapping sets the same static Set-Cookie value for every client',
    rationale:
      'A static Set-Cookie mapping gives every client the same cookie, a session-fixation or shared-session risk; OWASP points to the Session Management Cheat Sheet for cookies (no AWS statement covers this).',
    remediation: 'Issue cookies from the backend, per session, with Secure, HttpOnly and SameSite attributes.',
    source: 'https://github.com/OWASP/CheatSheetSeries/blob/master/cheatsheets/Session_Management_Cheat_Sheet.md',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.set-cookie': 'session=abc123; Secure; HttpOnly' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.set-cookie': '$response.header.x-session-cookie' } } }],
      },
    },
  },
  // A cookie with an empty value (`session=; Max-Age=0`, the usual way to clear one) gives the
  // client nothing to share, so only static cookies that carry a value are reported.
  check: mappingChecks(({ where, header, sent, isStatic, literal }) => {
    if (!sent || header?.toLowerCase() !== 'set-cookie' || !isStatic || isBlank(literal)) return undefined;
    const cookie = COOKIE.exec(literal);
    if (cookie !== null && (cookie[2] ?? '').trim() === '') return undefined;
    const name = cookie === null ? '' : ` ${show((cookie[1] ?? '').trim())}`;
    return `The mapping of ${where} sets the cookie${name} to a static value (not shown), so every client receives the same cookie.`;
  }),
});
