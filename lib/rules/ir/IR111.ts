import { defineRule } from '../define-rule';
import { mapPath, show } from '../values';
import { memoizeText } from '../../model/memoize-text';
import { codeView, contextVariableName, isWebSocketContextVariable, lineAt, templatesOf, vtlReferences, type VtlReference } from './vtl';

/** `$context` variables that exist only in REST API templates [D-RESTVTL]. */
const REST_ONLY_CONTEXT = new Set(['responseOverride', 'requestOverride']);

/** The variable a reference names when WebSocket templates do not document it, e.g. `$method.request`. */
function undocumented({ root, path }: VtlReference): string | undefined {
  const [first] = path;
  if (first === undefined) return undefined;
  if (root === 'method') return `$method.${first}`;
  if (root !== 'context') return undefined;
  if (REST_ONLY_CONTEXT.has(first)) return `$context.${first}`;
  return isWebSocketContextVariable(path) ? undefined : `$context.${contextVariableName(path)}`;
}

/** Each undocumented variable a template uses, once, with the line it first appears on. */
const undocumentedVariables = memoizeText((template: string): { variable: string; line: number }[] => {
  if (!template.includes('$')) return [];
  const view = codeView(template);
  const found = new Map<string, number>();
  for (const reference of vtlReferences(view)) {
    const variable = undocumented(reference);
    if (variable !== undefined && !found.has(variable)) found.set(variable, lineAt(view, reference.offset));
  }
  return [...found].map(([variable, line]) => ({ variable, line }));
});

const MAX_LISTED = 3;

export const IR111 = defineRule({
  meta: {
    id: 'IR111',
    name: 'ir-vtl-unsupported-variable',
    kind: 'heuristic',
    severity: 'low',
    title: 'Response template uses a variable the WebSocket template reference does not document',
    rationale:
      'The WebSocket mapping template reference documents $context (its own list), $input.body/json/path, $stageVariables and $util; $context.responseOverride, $context.requestOverride and $method.* exist only in the REST API reference, so they are likely empty or unsupported here. Narrowed after the real-world review (0 of 2 findings useful): $input.params is no longer reported, because AWS\'s own WebSocket samples (aws-samples/serverless-patterns) use $input.params() in their templates and work.',
    remediation: 'Use the documented WebSocket variables, e.g. $context.connectionId or $input.path(\'$.field\').',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"id": "$context.connectionID"}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"id": "$context.connectionId"}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      templatesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        const found = undocumentedVariables(template);
        if (found.length === 0) return [];
        const listed = found.slice(0, MAX_LISTED).map(({ variable, line }) => `${variable} (line ${line})`);
        const more = found.length > MAX_LISTED ? ` and ${found.length - MAX_LISTED} more` : '';
        return [{ path: mapPath('ResponseTemplates', key), message: `Template ${show(key)} uses ${listed.join(', ')}${more}, which the WebSocket mapping template reference does not document.` }];
      }),
  },
});
