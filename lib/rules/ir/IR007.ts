import { defineRule } from '../define-rule';
import { entriesOf, mapPath, show } from '../values';
import { formatCount, MAX_TEMPLATE_BYTES, utf8Bytes } from './sizes';

export const IR007 = defineRule({
  meta: {
    id: 'IR007',
    name: 'ir-template-too-large',
    kind: 'certain',
    severity: 'high',
    title: 'Integration response template is larger than the 300 KB mapping template maximum',
    rationale: 'The WebSocket quotas give a "Maximum mapping template size" of 300 KB ("The maximum size of a mapping template is 300 KB"); a larger template is above the documented maximum.',
    remediation: 'Split or simplify the template (select only the fields the client needs) so it stays under 300 KB.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: 'x'.repeat(MAX_TEMPLATE_BYTES + 1) } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: 'x'.repeat(MAX_TEMPLATE_BYTES) } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      entriesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        if (typeof template !== 'string') return [];
        const bytes = utf8Bytes(template);
        if (bytes <= MAX_TEMPLATE_BYTES) return [];
        return [
          {
            path: mapPath('ResponseTemplates', key),
            message: `Response template ${show(key)} is ${formatCount(bytes)} bytes (UTF-8), above the ${formatCount(MAX_TEMPLATE_BYTES)}-byte (300 KB) maximum.`,
          },
        ];
      }),
  },
});
