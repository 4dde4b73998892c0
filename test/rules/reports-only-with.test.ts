import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticAccount } from '../../bench/synthetic-account';
import { evaluate } from '../../lib/engine/evaluate';
import { loadCorpus } from '../../lib/docs/real-world/corpus-files';
import { scan } from '../../lib/iac/scan';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { apiFromSketch } from '../../lib/model/sketch';
import type { Snapshot } from '../../lib/model/snapshot';
import { RULES } from '../../lib/rules';
import { fieldsPresent, mayReport, OPTIONAL_FIELDS } from '../../lib/rules/reports-only-with';
import type { IntegrationNode, Rule } from '../../lib/rules/rule';
import { CLEAN_SAMPLES } from '../support/clean-samples';
import { DECLARING_RULES, skippedResourceProbe, type NodeVariants } from '../support/skipped-resources';

/**
 * The engine does not call a check declared with `meta.reportsOnlyWith` on an integration or
 * integration response that has none of those fields. Each declaration is held to it here on every configuration the tests
 * know (the rules' own examples, the clean samples, the snapshot fixtures, the real-world
 * corpus, the benchmark's account) and on variants of each response's context; every table
 * case of every rule holds it too (test/support/rule-table.ts).
 */

/** Each node also under each API type, integration type and kind of route use: what the rules branch on. */
const contexts: NodeVariants = (node) =>
  ['WEBSOCKET', 'HTTP'].flatMap((ProtocolType) =>
    ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'].flatMap((IntegrationType) =>
      [node.routes, [], [{ RouteId: 'c', RouteKey: '$connect', routeResponses: [] }]].map((routes) => ({
        ...node,
        api: { ...node.api, ProtocolType },
        integration: { ...node.integration, IntegrationType },
        routes,
      })),
    ),
  );

/** What the probe saw: nodes of each kind, and the optional fields found on them. */
interface Seen {
  integrations: number;
  responses: number;
  withField: Set<string>;
}

/** Runs the probe over snapshots the way an audit does, and says what it saw. */
function probeSnapshots(snapshots: readonly Snapshot[]): { lost: string[] } & Seen {
  const probe = skippedResourceProbe(DECLARING_RULES, contexts);
  const seen = newSeen();
  for (const snapshot of snapshots) {
    const { errors } = evaluate(snapshot, [{ rule: probe.rule }, { rule: counter(seen) }]);
    expect(errors).toEqual([]);
  }
  return { lost: probe.lost, ...seen };
}

function newSeen(): Seen {
  return { integrations: 0, responses: 0, withField: new Set() };
}

/** A rule that reports nothing and counts every integration and integration response in `seen`. */
function counter(seen: Seen): Rule {
  const { reportsOnlyWith: _reportsOnlyWith, ...meta } = RULES[0]!.meta;
  const fieldsOf = (kind: string, resource: Readonly<Record<string, unknown>>): void => {
    for (const field of OPTIONAL_FIELDS) if (resource[field] !== undefined) seen.withField.add(`${kind}.${field}`);
  };
  return {
    meta,
    check: {
      integration: ({ integration }) => (fieldsOf('Integration', integration), (seen.integrations += 1), []),
      integrationResponse: ({ response }) => (fieldsOf('IntegrationResponse', response), (seen.responses += 1), []),
    },
  };
}

test('rules declare reportsOnlyWith (the engine has something to skip)', () => {
  expect(DECLARING_RULES.length).toBeGreaterThan(0);
});

test("every declaration holds on every rule's examples and the clean samples", () => {
  const sketches = [...RULES.flatMap((rule) => [rule.meta.examples.fires, rule.meta.examples.quiet]), ...Object.values(CLEAN_SAMPLES)];
  const { lost, integrations, responses, withField } = probeSnapshots(sketches.map((sketch) => ({ region: 'eu-west-1', accountId: '123456789012', apis: [apiFromSketch(sketch)] })));
  expect(lost).toEqual([]);
  expect(integrations).toBeGreaterThan(50);
  expect(responses).toBeGreaterThan(50);
  expect([...withField].sort()).toEqual([...OPTIONAL_FIELDS.map((field) => `IntegrationResponse.${field}`), 'Integration.ResponseParameters', 'Integration.TemplateSelectionExpression'].sort());
});

test('every declaration holds on the snapshot fixtures and the benchmark account', async () => {
  const equivalent = 'test/fixtures/iac/equivalent';
  const files = ['examples/demo-account.json', ...readdirSync(equivalent).filter((file) => file.endsWith('.snapshot.json')).map((file) => join(equivalent, file))];
  const snapshots = [...(await Promise.all(files.map(async (file) => (await loadSnapshotFile(file)).snapshot)))];
  snapshots.push(syntheticAccount({ webSocketApis: 2, integrationsPerApi: 25, responsesPerIntegration: 4, routesPerApi: 20, httpApis: 2, templateShare: 0.2 }));
  const { lost, integrations, responses } = probeSnapshots(snapshots);
  expect(lost).toEqual([]);
  expect(integrations).toBeGreaterThan(50);
  expect(responses).toBeGreaterThan(200);
});

test('every declaration holds on the real-world corpus, read as a scan reads it', async () => {
  const probe = skippedResourceProbe(DECLARING_RULES, contexts);
  const seen = newSeen();
  await scan(
    loadCorpus().map((configuration) => configuration.dir),
    [{ rule: probe.rule }, { rule: counter(seen) }],
    'info',
  );
  expect(probe.lost).toEqual([]);
  expect(seen.integrations).toBeGreaterThan(0);
  expect(seen.responses).toBeGreaterThan(0);
  expect(seen.withField).toContain('Integration.ResponseParameters');
}, 120_000);

test('a resource has the fields it holds in any value, and a declaration lets a check run where one of its fields is', () => {
  expect(fieldsPresent({ IntegrationResponseId: 'r' })).toBe(0);
  const all = fieldsPresent({ IntegrationResponseId: 'r', ResponseParameters: null, ResponseTemplates: {}, TemplateSelectionExpression: '' });
  expect(all).toBe((1 << OPTIONAL_FIELDS.length) - 1);
  const templatesOnly = fieldsPresent({ IntegrationResponseId: 'r', ResponseTemplates: { $default: '{}' } });
  expect(mayReport(undefined, 0)).toBe(true);
  expect(mayReport(['ResponseTemplates'], templatesOnly)).toBe(true);
  expect(mayReport(['ResponseParameters'], templatesOnly)).toBe(false);
  expect(mayReport(['ResponseParameters', 'ResponseTemplates'], templatesOnly)).toBe(true);
});

test('the engine calls a declaring check only on resources with one of its fields, and the others on every resource', () => {
  const called: string[] = [];
  const { reportsOnlyWith: _reportsOnlyWith, ...meta } = RULES[0]!.meta;
  const recording = (name: string, reportsOnlyWith?: Rule['meta']['reportsOnlyWith']): Rule => ({
    meta: { ...meta, ...(reportsOnlyWith === undefined ? {} : { reportsOnlyWith }) },
    check: {
      integration: ({ integration }) => (called.push(`${name} ${integration.IntegrationId}`), []),
      integrationResponse: ({ response }) => (called.push(`${name} ${response.IntegrationResponseId}`), []),
    },
  });
  const snapshot: Snapshot = {
    apis: [
      apiFromSketch({
        ProtocolType: 'WEBSOCKET',
        integrations: [
          {
            IntegrationId: 'bare',
            IntegrationType: 'MOCK',
            integrationResponses: [
              { IntegrationResponseId: 'plain', IntegrationResponseKey: '$default' },
              { IntegrationResponseId: 'templated', IntegrationResponseKey: '/4\\d\\d/', ResponseTemplates: { $default: '{}' } },
              { IntegrationResponseId: 'mapped', IntegrationResponseKey: '/5\\d\\d/', ResponseParameters: { 'method.response.header.X': "'x'" } },
            ],
          },
          { IntegrationId: 'mapping', IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x': "'x'" } } },
        ],
      }),
    ],
  };
  evaluate(snapshot, [{ rule: recording('every') }, { rule: recording('templates', ['ResponseTemplates']) }, { rule: recording('either', ['ResponseParameters', 'ResponseTemplates']) }]);
  expect(called.sort()).toEqual(['either mapped', 'either mapping', 'either templated', 'every bare', 'every mapped', 'every mapping', 'every plain', 'every templated', 'templates templated']);
});
