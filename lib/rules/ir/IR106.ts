import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { selectionVariables } from './template-selection';

export const IR106 = defineRule({
  meta: {
    id: 'IR106',
    name: 'ir-tse-unescaped-default',
    kind: 'heuristic',
    severity: 'low',
    title: 'Template selection expression writes $default without the backslash escape',
    rationale:
      'The docs say to write \\$default to map to the reserved $default key; unescaped, $default is read as a variable reference. What it then selects is unsourced, and the fallback to the $default template may hide the mistake.',
    remediation: 'Write the expression as \\$default.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html',
    reportsOnlyWith: ['TemplateSelectionExpression'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '$default', ResponseTemplates: { $default: '{}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: '{}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) => {
      const expression = text(response.TemplateSelectionExpression);
      if (expression === undefined || !selectionVariables(expression).includes('default')) return [];
      return [
        {
          path: 'TemplateSelectionExpression',
          message: `TemplateSelectionExpression ${show(expression)} has an unescaped $default, which is read as a variable; write \\$default to select the $default template.`,
        },
      ];
    },
  },
});
