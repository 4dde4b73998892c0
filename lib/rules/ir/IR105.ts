import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { showList } from './show-list';
import { selectionVariables } from './template-selection';

/**
 * The sources a template selection expression may use [D-XF][D-SEL]. `request.body` alone is
 * accepted too (the whole body), and `$default` is left to IR106: it is the documented catch-all
 * key, only written without its escape.
 */
const SUPPORTED = /^(?:request\.body(?:[.[].*)?|integration\.response\.statuscode|integration\.response\.(?:header|multivalueheader)\..+|default)$/s;

export const IR105 = defineRule({
  meta: {
    id: 'IR105',
    name: 'ir-tse-unsupported-variable',
    kind: 'heuristic',
    severity: 'medium',
    title: 'Template selection expression uses a variable that is not a template selection source',
    rationale:
      'A template selection expression can use ${request.body.jsonPath}, ${integration.response.statuscode}, ${integration.response.header.name} and ${integration.response.multivalueheader.name} (and static values); any other variable is not a supported source.',
    remediation: 'Select on a supported source, e.g. ${integration.response.statuscode}, or use a static value such as \\$default.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    reportsOnlyWith: ['TemplateSelectionExpression'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '$context.routeKey', ResponseTemplates: { $default: '{}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '${integration.response.statuscode}', ResponseTemplates: { $default: '{}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) => {
      const expression = text(response.TemplateSelectionExpression);
      if (expression === undefined) return [];
      const unsupported = selectionVariables(expression).filter((variable) => !SUPPORTED.test(variable));
      if (unsupported.length === 0) return [];
      return [
        {
          path: 'TemplateSelectionExpression',
          message: `TemplateSelectionExpression ${show(expression)} references ${showList(unsupported.map((variable) => `$${variable}`))}, not one of request.body.*, integration.response.statuscode, integration.response.header.* or integration.response.multivalueheader.*.`,
        },
      ];
    },
  },
});
