import { defineRule } from '../define-rule';
import { regexBody } from '../selectors';
import { show } from '../values';
import { compileJsRegex, usesJavaOnlySyntax } from './java-regex';

export const IR002 = defineRule({
  meta: {
    id: 'IR002',
    name: 'ir-key-regex-invalid',
    kind: 'certain',
    severity: 'high',
    title: 'Integration response key is not a valid regular expression',
    rationale:
      'A key in slashes is matched as a regular expression ("API Gateway uses Java pattern-style regexes for response mapping"); a pattern that cannot compile never matches, so the response is never selected.',
    remediation: 'Fix the regular expression between the slashes (Java Pattern syntax), e.g. /4\\d{2}/.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/(4\\d\\d/' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/(4\\d\\d)/' }] }] },
    },
  },
  check: {
    integrationResponse: ({ response }) => {
      const body = regexBody(response.IntegrationResponseKey);
      // A JavaScript compile error proves nothing about a pattern that uses Java-only syntax.
      if (body === undefined || compileJsRegex(body) !== undefined || usesJavaOnlySyntax(body)) return [];
      return [{ path: 'IntegrationResponseKey', message: `Integration response key ${show(response.IntegrationResponseKey)} is not a valid regular expression, so it never matches.` }];
    },
  },
});
