import { defineRule } from '../define-rule';
import { DEFAULT_KEY, regexBody } from '../selectors';
import { isSet, show } from '../values';

export const IR001 = defineRule({
  meta: {
    id: 'IR001',
    name: 'ir-key-invalid-format',
    kind: 'certain',
    severity: 'high',
    title: 'Integration response key is neither $default nor a /regular expression/',
    rationale:
      'An integration response key other than $default "functions as a regular expression. It should follow a format of "/expression/""; a bare 200 or 4\\d\\d is not a pattern, so the response is refused or never matches.',
    remediation: 'Use $default for the catch-all, or wrap the pattern in slashes, e.g. /200/ or /4\\d{2}/.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '200' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/200/' }] }] },
    },
  },
  check: {
    integrationResponse: ({ response }) => {
      const key = response.IntegrationResponseKey;
      // regexBody lets `.` span line breaks: a multi-line pattern is still in slashes (IR002 judges
      // the pattern), so this rule cannot fire on a valid key. A missing key fires: AWS requires it.
      if (key === DEFAULT_KEY || regexBody(key) !== undefined) return [];
      return [
        {
          path: 'IntegrationResponseKey',
          message: isSet(key)
            ? `Integration response key ${show(key)} is neither $default nor a /regular expression/ in slashes.`
            : 'Integration response has no IntegrationResponseKey; it must be $default or a /regular expression/ in slashes.',
        },
      ];
    },
  },
});
