import { defineRule } from '../define-rule';
import { DEFAULT_KEY } from '../selectors';
import { isDeadResponse } from './dead-response';
import { entriesOf, show, text } from '../values';
import { showList } from './show-list';
import { selectableKeys } from './template-selection';

export const IR107 = defineRule({
  meta: {
    id: 'IR107',
    name: 'ir-templates-unselectable',
    kind: 'heuristic',
    severity: 'medium',
    title: 'Template selection expression can select none of the response templates, and there is no $default template',
    rationale:
      'Templates are selected by the template selection expression and "fall back to the $default template if a matching template is not found"; with no $default template, an expression that can evaluate to none of the keys (a static value naming none, the status code against keys that are not status codes) selects nothing, so the payload passes through untransformed or the templates are dead (exact behaviour unsourced). Narrowed after the real-world review: without any expression a lone template is used in practice (an aws-cdk integration test expects its output), so a missing expression no longer fires.',
    remediation: 'Add a $default template, or make the template selection expression and the template keys agree (e.g. \\$default with a $default key).',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: 'xxx', ResponseTemplates: { 'application/json': '{}' } }] }],
      },
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
      const keys = entriesOf(response.ResponseTemplates).map(([key]) => key);
      const expression = text(response.TemplateSelectionExpression);
      // With a $default template something is always selected: IR118 reports templates it leaves dead.
      if (keys.length === 0 || keys.includes(DEFAULT_KEY) || expression === undefined || isDeadResponse(node)) return [];
      if (selectableKeys(expression, keys)?.length !== 0) return [];
      // Reported at ResponseTemplates, where it always was, so fingerprints in baselines stay valid.
      return [{ path: 'ResponseTemplates', message: `No template can be selected from ${showList(keys)}: TemplateSelectionExpression ${show(expression)} can evaluate to none of them, and there is no $default template to fall back to.` }];
    },
  },
});
