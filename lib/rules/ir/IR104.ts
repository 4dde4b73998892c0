import { defineRule } from '../define-rule';
import { regexBody } from '../selectors';
import { show } from '../values';

/** The catch-all bodies the catalog lists, exactly. */
const CATCH_ALL_BODIES: ReadonlySet<string> = new Set(['.*', '.+', '\\d+', '[0-9]+', '\\d{3}', '...']);

export const IR104 = defineRule({
  meta: {
    id: 'IR104',
    name: 'ir-catch-all-regex-instead-of-default',
    kind: 'heuristic',
    severity: 'low',
    title: 'Catch-all regex key used instead of $default',
    rationale:
      'A key such as /.*/ behaves like a catch-all but is not the documented $default, which is the catch-all for non-proxy integrations; by the REST analogy a .* pattern "will match all error messages, including null".',
    remediation: 'Rename the key to $default.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/.*/' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default' }] }] },
    },
  },
  check: {
    integrationResponse: ({ index, integration, response }) => {
      const key = response.IntegrationResponseKey;
      const body = regexBody(key);
      if (body === undefined || !CATCH_ALL_BODIES.has(body)) return [];
      if (index.defaultResponseOf(integration) !== undefined) return [];
      return [{ path: 'IntegrationResponseKey', message: `Key ${show(key)} matches like a catch-all, and the integration has no $default response, the documented catch-all.` }];
    },
  },
});
