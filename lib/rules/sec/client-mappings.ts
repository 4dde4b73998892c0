import type { IntegrationNode, IntegrationResponseNode, Problem, RuleChecks } from '../rule';
import { isRemoval, writtenHeader } from '../hp/mapping-actions';
import { mappingsOf } from '../hp/response-parameters';
import { findReferences, literalText, type ValueSource } from '../value-references';
import { isWebSocket } from '../selectors';
import { isPlainObject, mapPath, show, text } from '../values';
import { RESPONSE_HEADER_KEY } from '../ir/response-header-key';

/**
 * One response mapping of either API type, as the SEC rules see it (the security rules of docs/rules.md):
 * HTTP API `Integration.ResponseParameters` entries and WebSocket
 * `IntegrationResponse.ResponseParameters` entries, reduced to the mapped header `H`, the data
 * sources and the static text.
 */
export interface ClientMapping {
  /** e.g. `ResponseParameters["200"]["append:header.x"]` or `ResponseParameters["method.response.header.X"]`. */
  path: string;
  /** Where the mapping is, for messages: `header "x" for status "200"`. */
  where: string;
  /** `H`: the header written to the client; undefined for remove, statuscode and malformed keys. */
  header: string | undefined;
  /** False for an HTTP `remove:` mapping, whose value reaches no client. */
  sent: boolean;
  /** The sources the value reads (HTTP `$` references, WebSocket `integration.response.*` and the like). */
  sources: ValueSource[];
  /** The whole value is a constant (HTTP: no reference; WebSocket: `'...'`). */
  isStatic: boolean;
  /** The text stored as written: the value without its references, or a WebSocket static value without its quotes. */
  literal: string;
}


/** The documented WebSocket value forms (IR005) plus the context and stage variable forms of request mappings. */
const WEBSOCKET_SOURCES: readonly { pattern: RegExp; root: ValueSource['root'] }[] = [
  { pattern: /^integration\.response\.header\.(\S+)$/, root: 'response.header' },
  { pattern: /^integration\.response\.body(?:\.(.+))?$/s, root: 'response.body' },
  { pattern: /^context\.(.+)$/s, root: 'context' },
  { pattern: /^stageVariables\.(.+)$/s, root: 'stageVariables' },
];

function httpMappings(node: IntegrationNode): ClientMapping[] {
  return mappingsOf(node).map(({ status, key, value, path }) => {
    const written = text(value) ?? '';
    const sources = findReferences(written);
    const header = writtenHeader(key);
    return {
      path,
      where: `${header === undefined ? show(key) : `header ${show(header)}`} for status ${show(status)}`,
      header,
      sent: !isRemoval(key),
      sources,
      isStatic: typeof value === 'string' && sources.length === 0,
      literal: literalText(written),
    };
  });
}

/**
 * Nine SEC rules judge the mappings of every integration response, so each ResponseParameters
 * map is read once and its mappings shared, read-only. The map object itself is the key: the
 * mappings depend on nothing else, and a snapshot is not changed while it is audited.
 */
const webSocketMappingCache = new WeakMap<object, readonly ClientMapping[]>();

function webSocketMappings({ api, response }: IntegrationResponseNode): readonly ClientMapping[] {
  const parameters = response.ResponseParameters;
  if (!isWebSocket(api) || !isPlainObject(parameters)) return [];
  let mappings = webSocketMappingCache.get(parameters);
  if (mappings === undefined) {
    mappings = readWebSocketMappings(parameters);
    webSocketMappingCache.set(parameters, mappings);
  }
  return mappings;
}

function readWebSocketMappings(parameters: Record<string, unknown>): ClientMapping[] {
  return Object.entries(parameters).map(([key, value]) => {
    const written = text(value) ?? '';
    const header = RESPONSE_HEADER_KEY.exec(key)?.[1];
    const quoted = /^'(.*)'$/s.exec(written);
    const source = quoted === null ? webSocketSource(written) : undefined;
    return {
      path: mapPath('ResponseParameters', key),
      where: header === undefined ? show(key) : `header ${show(header)}`,
      header,
      sent: true,
      sources: source === undefined ? [] : [source],
      isStatic: quoted !== null,
      // A value that is neither quoted nor a source is malformed (IR005) but still stored as written.
      literal: quoted?.[1] ?? (source === undefined ? written : ''),
    };
  });
}

/**
 * True when static text sets nothing: empty, blank, or `''` (HTTP APIs store the documented
 * removal placeholder "''" as text, and WebSocket quotes around nothing leave nothing).
 */
export function isBlank(literal: string): boolean {
  return literal.replace(/^\s*'(.*)'\s*$/s, '$1').trim() === '';
}

function webSocketSource(value: string): ValueSource | undefined {
  for (const { pattern, root } of WEBSOCKET_SOURCES) {
    const match = pattern.exec(value);
    if (match !== null) return { root, name: match[1] ?? '', text: value };
  }
  return undefined;
}

/**
 * The checks of a SEC rule that judges one mapping at a time: it runs on HTTP integrations and
 * WebSocket integration responses alike, and `judge` returns the message, or undefined.
 */
export function mappingChecks(judge: (mapping: ClientMapping) => string | undefined): Required<Pick<RuleChecks, 'integration' | 'integrationResponse'>> {
  // A loop rather than flatMap: nine rules run this on every integration response, and most
  // mappings are judged fine, which flatMap would answer with an empty array each.
  const problems = (mappings: readonly ClientMapping[]): Problem[] => {
    const found: Problem[] = [];
    for (const mapping of mappings) {
      const message = judge(mapping);
      if (message !== undefined) found.push({ path: mapping.path, message });
    }
    return found;
  };
  return {
    integration: (node) => problems(httpMappings(node)),
    integrationResponse: (node) => problems(webSocketMappings(node)),
  };
}

