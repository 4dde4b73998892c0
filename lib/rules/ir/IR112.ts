import { defineRule } from '../define-rule';
import { mapPath, show } from '../values';
import { memoizeText } from '../../model/memoize-text';
import { codeView, isEscaped, lineAt, stringSpans, templatesOf } from './vtl';

/** The calls that insert backend data: `$input.path(`, `$input.json(`, `$util.parseJson(` (also `$!{...}`). */
const INTERPOLATION = /\$!?\{?(input\.path|input\.json|util\.parseJson)\(/g;
const ESCAPE_CALL = /\$!?\{?util\.escapeJavaScript\(/g;

/** Whether `offset` in a string literal lies inside the parentheses of a `$util.escapeJavaScript(` call. */
function insideEscapeJavaScript(literal: string, offset: number): boolean {
  for (const call of literal.slice(0, offset).matchAll(ESCAPE_CALL)) {
    let depth = 1;
    for (let i = call.index + call[0].length; i < offset && depth > 0; i += 1) {
      const c = literal.charAt(i);
      if (c === '(') depth += 1;
      else if (c === ')') depth -= 1;
    }
    if (depth > 0) return true;
  }
  return false;
}

/** Where a template puts backend data into a JSON string unescaped: the first such call and how many there are. */
const unescapedInterpolations = memoizeText((template: string): { call: string; line: number; count: number } | undefined => {
  const view = codeView(template);
  let first: { call: string; line: number } | undefined;
  let count = 0;
  for (const span of stringSpans(view)) {
    const literal = view.slice(span.start, span.end);
    for (const match of literal.matchAll(INTERPOLATION)) {
      if (isEscaped(view, span.start + match.index) || insideEscapeJavaScript(literal, match.index)) continue;
      count += 1;
      first ??= { call: `$${match[1] ?? ''}(...)`, line: lineAt(view, span.start) };
    }
  }
  return first === undefined ? undefined : { ...first, count };
});

export const IR112 = defineRule({
  meta: {
    id: 'IR112',
    name: 'ir-vtl-unescaped-interpolation',
    kind: 'heuristic',
    severity: 'low',
    title: 'Response template inserts backend data into a JSON string without $util.escapeJavaScript',
    rationale:
      'A quote or backslash in the inserted value breaks the JSON document or injects content; the REST reference recommends "$util.escapeJavaScript to sanitize the parameter to avoid a potential injection attack".',
    remediation: 'Wrap the value: "$util.escapeJavaScript($input.path(\'$.name\')).replaceAll("\\\\\'","\'")" (escapeJavaScript turns \' into \\\', which JSON does not allow).',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"name": "$input.path(\'$.name\')"}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"name": "$util.escapeJavaScript($input.path(\'$.name\'))"}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      templatesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        if (!template.includes('$')) return [];
        const found = unescapedInterpolations(template);
        if (found === undefined) return [];
        const more = found.count > 1 ? ` (and ${found.count - 1} more)` : '';
        return [
          {
            path: mapPath('ResponseTemplates', key),
            message: `Template ${show(key)} inserts ${found.call} inside a JSON string on line ${found.line} without $util.escapeJavaScript(...)${more}.`,
          },
        ];
      }),
  },
});
