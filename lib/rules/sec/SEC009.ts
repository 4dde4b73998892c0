import { defineRule } from '../define-rule';
import { memoizeText } from '../../model/memoize-text';
import { isWebSocket } from '../selectors';
import { entriesOf, mapPath, show, text } from '../values';

/** The raw integration response, with or without braces and the quiet `!`: `$input.body`, `$!{input.body}`. */
const RAW_BODY = /\$!?(?:\{input\.body\}|input\.body(?![\w(]))/g;
/** The whole integration response as JSON: `$input.json('$')`. */
const WHOLE_JSON = /\$!?\{?input\.json\(\s*(['"])\$\1\s*\)\}?/g;
const BASE64_DECODE = /\$!?\{?util\.base64Decode\(/g;
const ESCAPE_CALL = /escapeJavaScript\(/g;

/** `##` line comments and `#* *#` block comments, blanked so their text cannot count; offsets stay put. */
function withoutComments(template: string): string {
  return template.replace(/#\*[\s\S]*?(?:\*#|$)|##[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** The offset of the `)` that closes the `(` at `open`, or the end of the text. */
function closingParen(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i += 1) {
    if (template[i] === '(') depth += 1;
    else if (template[i] === ')' && --depth === 0) return i;
  }
  return template.length;
}

/** True when `offset` lies inside a JSON string literal; JSON strings never span lines. */
function inJsonString(template: string, offset: number): boolean {
  const lineStart = template.lastIndexOf('\n', offset - 1) + 1;
  let inside = false;
  for (let i = lineStart; i < offset; i += 1) {
    if (template[i] === '\\') i += 1;
    else if (template[i] === '"') inside = !inside;
  }
  return inside;
}

/** What in the template echoes raw input without escapeJavaScript, as phrases for the message. */
function rawEchoes(original: string): readonly string[] {
  const template = withoutComments(original);
  const escaped = [...template.matchAll(ESCAPE_CALL)].map((match) => {
    const open = match.index + match[0].length - 1;
    return [open, closingParen(template, open)] as const;
  });
  const isEscaped = (offset: number) => escaped.some(([open, close]) => offset > open && offset < close);
  const found = new Set<string>();
  for (const match of template.matchAll(RAW_BODY)) {
    if (inJsonString(template, match.index) && !isEscaped(match.index)) found.add(`${match[0]} inside a string literal`);
  }
  for (const match of template.matchAll(WHOLE_JSON)) {
    if (inJsonString(template, match.index) && !isEscaped(match.index)) found.add(`${match[0]} inside a string literal`);
  }
  for (const match of template.matchAll(BASE64_DECODE)) {
    const open = match.index + match[0].length - 1;
    const argument = template.slice(open, closingParen(template, open));
    if (/\$!?\{?input\./.test(argument) && !isEscaped(match.index)) found.add('$util.base64Decode() of response data');
  }
  return [...found];
}

/** An account repeats a few templates across thousands of responses: each is read once. */
const rawEchoesOf = memoizeText(rawEchoes);

export const SEC009 = defineRule({
  meta: {
    id: 'SEC009',
    name: 'template-echoes-raw-input',
    kind: 'security',
    severity: 'low',
    title: 'Response template inserts raw response data into a string without escaping',
    rationale:
      'Raw data inside a JSON string literal can break out of it (reflected content, JSON or script injection); the REST mapping template reference recommends $util.escapeJavaScript "to avoid a potential injection attack".',
    remediation: 'Wrap the value in $util.escapeJavaScript(...) (with .replaceAll("\\\\\'","\'") for JSON), or select only the fields you need with $input.json(...).',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"echo": "$input.body"}' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"echo": "$util.escapeJavaScript($input.body)"}' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ api, response }) =>
      !isWebSocket(api)
        ? []
        : entriesOf(response.ResponseTemplates).flatMap(([selectionKey, template]) => {
            const echoes = rawEchoesOf(text(template) ?? '');
            return echoes.length === 0
              ? []
              : [{ path: mapPath('ResponseTemplates', selectionKey), message: `Response template ${show(selectionKey)} uses ${echoes.join(' and ')} without $util.escapeJavaScript.` }];
          }),
  },
});
