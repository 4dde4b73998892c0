import { IR002 } from '../../lib/rules/ir/IR002';
import { ruleTable } from '../support/rule-table';

const ws = (...keys: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
});

ruleTable(IR002, {
  fires: [
    { name: 'unclosed group', api: ws('/(4\\d\\d/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '(4\\\\d\\\\d' }] },
    { name: 'unmatched closing parenthesis', api: ws('/4\\d\\d)/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'leading quantifier', api: ws('/*Error/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'leading possessive-looking quantifier (Java rejects it too)', api: ws('/*+Error/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'double quantifier', api: ws('/5\\d**/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'reversed range', api: ws('/[9-0]00/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'trailing backslash', api: ws('/500\\/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'Python-style named group', api: ws('/(?P<code>5\\d\\d)/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'only the invalid key of several', api: ws('$default', '/2\\d\\d/', '/[5/'), expect: [{ at: 'ir3', path: 'IntegrationResponseKey' }] },
  ],
  quiet: [
    { name: 'valid status patterns', api: ws('/2\\d\\d/', '/4\\d{2}/', '/^(?:5\\d\\d)$/', '/.*NotFound.*/') },
    { name: '$default and non-regex keys (IR001)', api: ws('$default', '200', '(') },
    { name: 'escaped metacharacters', api: ws('/\\(error\\)/', '/\\*+/') },
    { name: 'possessive quantifiers (Java-only)', api: ws('/.*+Error/', '/\\d++/', '/a?+b/', '/\\d{3}+/') },
    { name: 'inline flags (Java-only)', api: ws('/(?i).*not found.*/', '/(?s)error.*/', '/(?i:timeout)/') },
    { name: 'atomic group (Java-only)', api: ws('/(?>5\\d\\d)/') },
    { name: 'quoting with \\Q...\\E (Java-only)', api: ws('/\\Q(error)\\E/', '/\\Q[\\E.*/') },
    { name: 'quantified anchors and a leading {n} (Java accepts them)', api: ws('/^*5\\d\\d/', '/(?<=x)*y/', '/{2}a/') },
    { name: 'invalid in JS but uses \\A, named groups and \\z', api: ws('/\\A(5\\d\\d/', '/(?<code>5\\d\\d)(/', '/x(\\z/') },
    { name: 'a number key is IR001, not this rule', api: ws(500) },
    { name: 'absent key', api: ws(undefined) },
  ],
});
