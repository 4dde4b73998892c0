import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../lib/iac/assemble';
import { readCloudFormation, readTemplateSource } from '../../lib/iac/cloudformation/read-template';
import { serviceTemplate } from '../../lib/iac/serverless/service-template';
import { isUnresolved, type Unresolved } from '../../lib/model/unresolved';
import type { Snapshot } from '../../lib/model/snapshot';
import { scanAll } from './scan-support';

// Every Serverless Framework service of the real-world corpus, read two ways: serverless.yml
// directly, and the template serverless 3.40 itself wrote for it (test/fixtures/serverless-packaged,
// made by scripts/package-serverless-corpus.mjs, offline, plugins removed). The APIs,
// integrations, routes and route responses, and the findings, must be the same; the differences
// that remain are listed per service with why.
const CORPUS = 'test/fixtures/real-world';
const PACKAGED = 'test/fixtures/serverless-packaged';
const sources = JSON.parse(readFileSync(join(CORPUS, 'SOURCES.json'), 'utf8')) as Record<string, { format: string; files: { file: string }[] }>;
const services = Object.entries(sources)
  .filter(([, source]) => source.format === 'serverless')
  .map(([name, source]) => [name, join(CORPUS, name, source.files.map((file) => file.file).find((file) => /(^|\/)serverless\.ya?ml$/.test(file))!)] as const);

/**
 * What the direct read says it could not read, per service: the plugins the packaged template
 * was made without (none of them touches API Gateway here, so the resources still agree), and
 * functions from a file the direct read does not follow (the framework read that one's only
 * function, whose `event:` (sic) it ignores, so neither read finds an API).
 */
const EXPECTED_DIFFERENCES: Record<string, { unread: string[] }> = {
  'sls-http-api-template-foglia': { unread: ['functions: the functions come from "${file(./serverless-functions.yml)}"'] },
  'sls-laravel-bridge-stub': { unread: ['plugins[0]: plugin "./vendor/bref/bref"', 'plugins[1]: plugin "serverless-lift"'] },
  'sls-offline-jwt-authorizer': { unread: ['plugins[0]: plugin "../../../src/index.js"'] },
  'sls-offline-request-authorizer': { unread: ['plugins[0]: plugin "../../../src/index.js"'] },
  'sls-offline-websocket-authorizer': { unread: ['plugins[0]: plugin "../../../src/index.js"'] },
  'sls-websocket-example-mryhryki': { unread: ['plugins[0]: plugin "serverless-pseudo-parameters"'] },
  'sls-websocket-example-neverendingqs': { unread: ['plugins[2]: plugin "@anttiviljami/serverless-stack-output"'] },
  'sls-websockets-bref-stayallive': { unread: ['plugins[0]: plugin "./vendor/bref/bref"'] },
};

test('every Serverless Framework service of the corpus has its packaged template', () => {
  expect(services.length).toBe(20);
  for (const [name] of services) expect(() => readFileSync(join(PACKAGED, `${name}.json`))).not.toThrow();
});

describe.each(services)('%s: serverless.yml read directly and the template serverless package wrote', (name, serviceFile) => {
  const packagedFile = join(PACKAGED, `${name}.json`);
  const direct = serviceTemplate(readFileSync(serviceFile, 'utf8'), serviceFile);
  const directDocument = readTemplateSource(direct.source, serviceFile);
  const directResources = described(assemble(directDocument).snapshot);
  const packagedResources = described(assemble(readCloudFormation(readFileSync(packagedFile, 'utf8'), packagedFile)).snapshot);
  const expected = EXPECTED_DIFFERENCES[name] ?? { unread: [] };

  test('the direct read names exactly what it could not read', () => {
    const errors = [...direct.unread, ...(directDocument.errors ?? [])].map((error) => error.message);
    expect(errors).toHaveLength(expected.unread.length);
    expected.unread.forEach((text, index) => expect(errors[index]).toContain(text));
  });

  test('the same APIs, integrations (type, payload format), routes (keys, targets) and route responses, with the same fields', () => {
    const onlyPackaged = [...packagedResources.keys()].filter((key) => !directResources.has(key));
    expect(onlyPackaged).toEqual([]);
    expect([...directResources.keys()].filter((key) => !packagedResources.has(key))).toEqual([]);
    for (const [key, fields] of directResources) {
      const packaged = packagedResources.get(key)!;
      expect(Object.keys(fields).sort()).toEqual(Object.keys(packaged).sort());
      for (const [field, value] of Object.entries(fields)) {
        expect({ resource: key, field, agrees: agrees(value, packaged[field]) }).toEqual({ resource: key, field, agrees: true });
      }
    }
  });

  test('the same findings', async () => {
    const keyOf = (finding: { ruleId: string; resource: { logicalId?: string }; path: string }) => `${finding.ruleId} ${finding.resource.logicalId ?? ''} ${finding.path}`;
    const [fromService, fromPackage] = await Promise.all([scanAll(serviceFile), scanAll(packagedFile)]);
    expect(fromService.findings.map(keyOf).sort()).toEqual(fromPackage.findings.map(keyOf).sort());
  });
});

/** Each resource by kind, API and logical id (and key), with its fields; the links between them are in the key. */
function described(snapshot: Snapshot): Map<string, Record<string, unknown>> {
  const resources = new Map<string, Record<string, unknown>>();
  const fields = (resource: Record<string, unknown>, omit: string[]) => Object.fromEntries(Object.entries(resource).filter(([field]) => !omit.includes(field)));
  for (const api of snapshot.apis) {
    resources.set(`api ${api.ApiId}`, fields(api, ['ApiId', 'integrations', 'routes']));
    for (const integration of api.integrations) {
      const routes = api.routes.filter((route) => route.Target === `integrations/${integration.IntegrationId}`).map((route) => String(route.RouteKey));
      resources.set(`integration ${api.ApiId} ${routes.sort().join(',') || integration.IntegrationId}`, fields(integration, ['IntegrationId', 'integrationResponses']));
    }
    for (const route of api.routes) {
      resources.set(`route ${api.ApiId} ${String(route.RouteKey)}`, fields(route, ['RouteId', 'routeResponses', 'Target']));
      for (const response of route.routeResponses) resources.set(`route response ${api.ApiId} ${String(route.RouteKey)} ${String(response.RouteResponseKey)}`, fields(response, ['RouteResponseId']));
    }
  }
  return resources;
}

/**
 * A value read directly agrees with the packaged one when equal, or, where the direct read has a
 * framework variable (unresolved), when the packaged value fits its known text.
 */
function agrees(direct: unknown, packaged: unknown): boolean {
  if (isUnresolved(direct)) return isUnresolved(packaged) || fitsKnownText(direct, packaged);
  if (isUnresolved(packaged)) return false;
  return JSON.stringify(direct) === JSON.stringify(packaged);
}

function fitsKnownText(value: Unresolved, packaged: unknown): boolean {
  if (value.pieces === undefined) return true;
  if (typeof packaged !== 'string') return false;
  const pattern = value.pieces.map((piece) => (typeof piece === 'string' ? piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.*')).join('');
  return new RegExp(`^${pattern}$`, 's').test(packaged);
}
