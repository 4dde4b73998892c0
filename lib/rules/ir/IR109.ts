import { defineRule } from '../define-rule';
import { mapPath, show } from '../values';
import { lineText, parseTemplate, templatesOf } from './vtl';

export const IR109 = defineRule({
  meta: {
    id: 'IR109',
    name: 'ir-vtl-syntax-error',
    kind: 'heuristic',
    severity: 'high',
    title: 'Response template is not valid Velocity (VTL)',
    rationale:
      'Response templates are "a script expressed in Velocity Template Language (VTL)"; a template the velocityjs parser rejects (an unclosed parenthesis, an unterminated string, #set without parentheses) is very likely invalid Velocity too, so the transformation fails at runtime.',
    remediation: 'Fix the template syntax, and test the template with sample data.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: "{\"a\": $input.json('$.a'}" } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: "{\"a\": $input.json('$.a')}" } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      templatesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        const parsed = parseTemplate(template);
        if (parsed.ok) return [];
        const where = parsed.line === undefined ? '' : ` on line ${parsed.line} (${show(lineText(template, parsed.line), 40)})`;
        return [{ path: mapPath('ResponseTemplates', key), message: `Template ${show(key)} does not parse as Velocity${where}: ${parsed.detail}.` }];
      }),
  },
});
