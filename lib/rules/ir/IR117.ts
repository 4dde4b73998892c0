import { defineRule } from '../define-rule';
import { mapPath, show } from '../values';
import { memoizeText } from '../../model/memoize-text';
import { lineAt, renderWithStubs, templatesOf } from './vtl';

/** V8's JSON.parse reasons that carry a position, e.g. "Expected ',' or '}' after property value in JSON at position 7". */
const JSON_ERROR = /^([^"]*?)(?: in JSON)? at position (\d+)/;
const EXCERPT_RADIUS = 12;
const JSON_START = /^\s*[{[]/;
const NOT_BLANK = /\S/;
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(?:;|$)/i;

/** Keyed `application/json` (parameters such as `; charset=utf-8` aside), or a template whose text starts a JSON document. */
function isJsonTemplate(key: string, template: string): boolean {
  return JSON_MEDIA_TYPE.test(key) || JSON_START.test(template);
}

/** Why the stub rendering is not JSON, or undefined when it is (or cannot be judged). */
const jsonProblem = memoizeText((template: string): string | undefined => {
  const rendered = renderWithStubs(template);
  if (rendered === undefined) return undefined;
  try {
    JSON.parse(rendered);
    return undefined;
  } catch (error) {
    const match = JSON_ERROR.exec(error instanceof Error ? error.message : '');
    if (match === null) return 'is not valid JSON';
    const position = Number(match[2]);
    const excerpt = rendered.slice(Math.max(0, position - EXCERPT_RADIUS), position + EXCERPT_RADIUS).trim();
    return `is not valid JSON: ${match[1] ?? 'invalid'} on rendered line ${lineAt(rendered, position)}, near ${show(excerpt, 40)}`;
  }
});

export const IR117 = defineRule({
  meta: {
    id: 'IR117',
    name: 'ir-template-json-invalid',
    kind: 'heuristic',
    severity: 'low',
    title: 'JSON response template does not render to valid JSON',
    rationale:
      'Templates produce the payload the client receives; a template for application/json (or one that starts a JSON document) that is malformed even with placeholder values sends clients that expect JSON a broken document.',
    remediation: 'Fix the template (quotes, commas, brackets) and test it with sample data.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"status": "ok",}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"status": "ok"}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      templatesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        // A blank template sends no document at all, which is not a malformed one.
        if (!NOT_BLANK.test(template) || !isJsonTemplate(key, template)) return [];
        const problem = jsonProblem(template);
        return problem === undefined ? [] : [{ path: mapPath('ResponseTemplates', key), message: `Template ${show(key)}, rendered with a placeholder for every variable, ${problem}.` }];
      }),
  },
});
