import { defineRule } from '../define-rule';
import { isDeadResponse } from './dead-response';
import { entriesOf, isPlainObject, isSet, show } from '../values';

export const IR108 = defineRule({
  meta: {
    id: 'IR108',
    name: 'ir-tse-without-templates',
    kind: 'heuristic',
    severity: 'low',
    title: 'Template selection expression set on an integration response without templates',
    rationale: 'The template selection expression chooses among the response templates; with no templates it has nothing to select and is dead configuration.',
    remediation: 'Remove the TemplateSelectionExpression, or add the ResponseTemplates it is meant to select.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    reportsOnlyWith: ['TemplateSelectionExpression'],
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default' }] }] },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: '{}' } }] }],
      },
    },
  },
  check: {
    // A response that is dead as a whole (IR009, IR010, IR011, IR015) is reported once, there.
    integrationResponse: (node) => {
      const { response } = node;
      const expression = response.TemplateSelectionExpression;
      const templates = response.ResponseTemplates;
      // Templates of another type than a map are not "empty or absent"; they are left alone.
      const noTemplates = !isSet(templates) || (isPlainObject(templates) && entriesOf(templates).length === 0);
      if (!isSet(expression) || !noTemplates || isDeadResponse(node)) return [];
      return [{ path: 'TemplateSelectionExpression', message: `TemplateSelectionExpression ${show(expression)} is set, but the integration response has no ResponseTemplates to select from.` }];
    },
  },
});
