import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingChecks } from './client-mappings';

/** Headers that name the server software or framework (OWASP HTTP Headers Cheat Sheet). */
const FINGERPRINT_HEADERS = new Set(['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version']);

const VERSION = /\d+\.\d+/;

const isFingerprint = (header: string | undefined): boolean => header !== undefined && FINGERPRINT_HEADERS.has(header.toLowerCase());

export const SEC001 = defineRule({
  meta: {
    id: 'SEC001',
    name: 'fingerprint-header-passthrough',
    kind: 'security',
    severity: 'low',
    title: 'Response mapping passes a technology fingerprint header to clients',
    rationale:
      'Server, X-Powered-By, X-AspNet-Version and X-AspNetMvc-Version disclose the technology stack; OWASP says to "Remove this header or set non-informative values" and to "Remove all X-Powered-By headers".',
    remediation: 'Do not map these headers to the client (or map them to a non-informative value); strip them at the backend.',
    source: 'https://github.com/OWASP/CheatSheetSeries/blob/master/cheatsheets/HTTP_Headers_Cheat_Sheet.md',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-powered-by': '$response.header.x-powered-by' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'remove:header.x-powered-by': "''" } } }],
      },
    },
  },
  check: mappingChecks(({ where, header, sent, sources, isStatic, literal }) => {
    if (!sent) return undefined;
    const backend = sources.filter((source) => source.root === 'response.header');
    const fingerprint = backend.find((source) => isFingerprint(source.name));
    if (fingerprint !== undefined) return `The mapping of ${where} copies the backend's ${show(fingerprint.name)} header (${show(fingerprint.text)}) to clients, disclosing the technology stack.`;
    if (!isFingerprint(header)) return undefined;
    const [source] = backend;
    if (source !== undefined) return `The mapping of ${where} fills a fingerprint header from the backend (${show(source.text)}), disclosing the technology stack.`;
    if (isStatic && VERSION.test(literal)) return `The mapping of ${where} sends the static value ${show(literal)}, which carries a version number.`;
    return undefined;
  }),
});
