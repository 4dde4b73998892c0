import { defineRule } from '../define-rule';
import { DEFAULT_KEY } from '../selectors';
import { isDeadResponse } from './dead-response';
import { entriesOf, show, text } from '../values';
import { showList } from './show-list';
import { selectableKeys } from './template-selection';

export const IR118 = defineRule({
  meta: {
    id: 'IR118',
    name: 'ir-tse-selects-only-default',
    kind: 'heuristic',
    severity: 'low',
    title: 'Template selection expression can select none of the named templates, so only $default is ever used',
    rationale:
      'Templates are selected by the template selection expression and "fall back to the $default template if a matching template is not found"; an expression that can evaluate to none of the other keys (a static value such as "xxx" naming none, the status code against keys that are not status codes) always falls back, so those templates are dead and the expression is probably a typo.',
    remediation: 'Make the template selection expression name the template it is meant to select, or delete the templates it can never select.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: 'xxx', ResponseTemplates: { 'application/json': '{"a": 1}', $default: '{}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: 'application/json', ResponseTemplates: { 'application/json': '{"a": 1}', $default: '{}' } }] }],
      },
    },
  },
  check: {
    // A response that is dead as a whole (IR009, IR010, IR011, IR015) is reported once, there.
    integrationResponse: (node) => {
      const { response } = node;
      const keys = entriesOf(response.ResponseTemplates).map(([key]) => key);
      const named = keys.filter((key) => key !== DEFAULT_KEY);
      const expression = text(response.TemplateSelectionExpression);
      // Without a $default template nothing at all is selected: IR107's finding.
      if (named.length === 0 || !keys.includes(DEFAULT_KEY) || expression === undefined || isDeadResponse(node)) return [];
      if (selectableKeys(expression, named)?.length !== 0) return [];
      return [
        {
          path: 'TemplateSelectionExpression',
          message: `TemplateSelectionExpression ${show(expression)} can evaluate to none of ${showList(named)}, so every response falls back to the $default template and ${named.length === 1 ? 'that template is' : 'those templates are'} never used.`,
        },
      ];
    },
  },
});
