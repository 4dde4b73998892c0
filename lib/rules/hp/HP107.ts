import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { mappingsOf } from './response-parameters';
import { findReferences } from '../value-references';

/** The HTTP API context variables of http-api-logging-variables.html (aws-facts.md section 4). */
const CONTEXT_VARIABLES = new Set([
  'accountId',
  'apiId',
  'authorizer.error',
  'authorizer.principalId',
  'awsEndpointRequestId',
  'awsEndpointRequestId2',
  'customDomain.basePathMatched',
  'dataProcessed',
  'domainName',
  'domainPrefix',
  'error.message',
  'error.messageString',
  'error.responseType',
  'extendedRequestId',
  'httpMethod',
  'identity.accountId',
  'identity.caller',
  'identity.cognitoAuthenticationProvider',
  'identity.cognitoAuthenticationType',
  'identity.cognitoIdentityId',
  'identity.cognitoIdentityPoolId',
  'identity.principalOrgId',
  'identity.clientCert.clientCertPem',
  'identity.clientCert.subjectDN',
  'identity.clientCert.issuerDN',
  'identity.clientCert.serialNumber',
  'identity.clientCert.validity.notBefore',
  'identity.clientCert.validity.notAfter',
  'identity.sourceIp',
  'identity.user',
  'identity.userAgent',
  'identity.userArn',
  'integration.error',
  'integration.integrationStatus',
  'integration.latency',
  'integration.requestId',
  'integration.status',
  'integrationErrorMessage',
  'integrationLatency',
  'integrationStatus',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'responseLatency',
  'responseLength',
  'routeKey',
  'stage',
  'status',
]);

/** authorizer.<property> and authorizer.claims.<property> name whatever the authorizer returns. */
const AUTHORIZER_PROPERTY = /^authorizer\.[\w.]+$/;

const ALLOWED_CHARACTERS = /^[A-Za-z0-9._]+$/;

export const HP107 = defineRule({
  meta: {
    id: 'HP107',
    name: 'http-resp-param-context-var-unknown',
    kind: 'heuristic',
    severity: 'info',
    title: 'HTTP API response mapping references an unknown $context variable',
    rationale:
      'A $context value must be "a supported context variable", and "Only the special characters . and _ are supported"; a name outside the documented list is likely a typo (the current list may have grown, hence info).',
    remediation: 'Use a documented HTTP API context variable, e.g. $context.requestId.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-request-id': '$context.requestID' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-request-id': '$context.requestId' } } }],
      },
    },
  },
  check: {
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const unknown = findReferences(text(value) ?? '').filter(
          ({ root, name }) => root === 'context' && !(ALLOWED_CHARACTERS.test(name) && (CONTEXT_VARIABLES.has(name) || AUTHORIZER_PROPERTY.test(name))),
        );
        if (unknown.length === 0) return [];
        const evidence = unknown
          .map(({ name, text: written }) => `${show(written)} (${ALLOWED_CHARACTERS.test(name) ? 'not a documented HTTP API context variable' : 'only letters, digits, . and _ are allowed'})`)
          .join(', ');
        return [{ path, message: `Response mapping ${show(key)} for status ${show(status)} references ${evidence}.` }];
      }),
  },
});
