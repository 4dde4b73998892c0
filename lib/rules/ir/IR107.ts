import { defineRule } from '../define-rule';
import { DEFAULT_KEY } from '../selectors';
import { entriesOf, isSet, show, text } from '../values';
import { showList } from './show-list';
import { isStaticSelection, unescapeSelection } from './template-selection';

export const IR107 = defineRule({
  meta: {
    id: 'IR107',
    name: 'ir-templates-unselectable',
    kind: 'heuristic',
    severity: 'medium',
    title: 'Integration response templates that no template selection can reach',
    rationale:
      'Templates are selected by the template selection expression and "fall back to the $default template if a matching template is not found"; with no $default template and no expression, or a static expression that names none of the keys, no template can be selected: the payload passes through untransformed or the templates are dead (exact behaviour unsourced).',
    remediation: 'Add a $default template, or make the template selection expression and the template keys agree (e.g. \\$default with a $default key).',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { 'application/json': '{}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) => {
      const keys = entriesOf(response.ResponseTemplates).map(([key]) => key);
      if (keys.length === 0 || keys.includes(DEFAULT_KEY)) return [];
      const raw = response.TemplateSelectionExpression;
      const expression = text(raw);
      let why: string;
      if (!isSet(raw)) {
        why = 'there is no TemplateSelectionExpression';
      } else if (expression !== undefined && isStaticSelection(expression) && !keys.includes(unescapeSelection(expression))) {
        why = `the static TemplateSelectionExpression ${show(expression)} names none of them`;
      } else {
        // A variable expression may select any key at runtime; an expression of another type is not judged.
        return [];
      }
      return [{ path: 'ResponseTemplates', message: `No template can be selected from ${showList(keys)}: there is no $default template and ${why}.` }];
    },
  },
});
