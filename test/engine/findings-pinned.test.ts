import { createHash } from 'node:crypto';
import { runAudit } from '../../lib/engine/audit-result';
import type { ActiveRule } from '../../lib/engine/evaluate';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { apiFromSketch, type ApiSketch } from '../../lib/model/sketch';
import { SEVERITIES, type Severity } from '../../lib/model/severity';
import type { Snapshot } from '../../lib/model/snapshot';
import { formatJson } from '../../lib/report/format-json';
import { formatText } from '../../lib/report/format-text';
import { formatSarif } from '../../lib/report/sarif';
import { formatAsff, formatOcsf } from '../../lib/report/security-documents';
import { RULES } from '../../lib/rules';
import { syntheticAccount } from '../../bench/synthetic-account';
import { PLAIN_TEXT_REPORT } from '../support/plain-text-report';
import { NAMED_SECRET, secretAt, seedMaps } from '../support/seeded-secrets';

/**
 * Byte-for-byte pins of what the engine gives fixed snapshots: every finding's fields, in their
 * order, and every report built from them. The digests were taken from the engine before it
 * was made faster (issue 15), so any change of the finding contract, of a fingerprint, of a
 * message, of the redaction or of the order fails here. Each case also pins its finding count,
 * so a failure says whether findings went missing or only changed.
 *
 * Reading a failure: if a rule's message was changed on purpose, recompute the digests (print
 * `pin(...)` for the case) and say so in the commit; otherwise the engine changed an output.
 */
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The benchmark's account shape, small: WebSocket APIs with templates and mistakes, plus HTTP APIs. */
const synthetic = syntheticAccount({ webSocketApis: 6, integrationsPerApi: 50, responsesPerIntegration: 4, routesPerApi: 20, httpApis: 3, templateShare: 0.2 });

let demo: Snapshot;
beforeAll(async () => {
  ({ snapshot: demo } = await loadSnapshotFile('examples/demo-account.json'));
});

/** Every rule's examples, quiet and firing, with credentials in names, keys, mappings and templates. */
const examples: Snapshot = {
  version: 1,
  accountId: '123456789012',
  region: 'eu-west-1',
  apis: RULES.flatMap((rule, index) => [
    apiFromSketch({ ...rule.meta.examples.fires, ApiId: `f${index}`, Name: `api ${secretAt(index)}` }),
    apiFromSketch({ ...(seedMaps(rule.meta.examples.fires, secretAt(index + 1)) as ApiSketch), ApiId: `s${index}` }),
    apiFromSketch({ ...rule.meta.examples.quiet, ApiId: `q${index}` }),
    apiFromSketch({
      ApiId: `k${index}`,
      ProtocolType: 'WEBSOCKET',
      integrations: [
        {
          IntegrationType: 'MOCK',
          integrationResponses: [
            {
              IntegrationResponseKey: `/${secretAt(index)}/`,
              ResponseParameters: { [`method.response.header.${NAMED_SECRET.header}`]: `'${NAMED_SECRET.value}'`, 'method.response.headr.x': `'${secretAt(index + 2)}'` },
            },
          ],
        },
      ],
      routes: [{ RouteKey: `ping ${secretAt(index + 3)}`, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default' }],
    }),
  ]),
};

const allRules: ActiveRule[] = RULES.map((rule) => ({ rule }));
/** Every rule with its severity overridden, round the scale: overrides decide what is built. */
const overridden: ActiveRule[] = RULES.map((rule, index) => ({ rule, severityOverride: SEVERITIES[index % SEVERITIES.length]! }));

interface Pin {
  findings: number;
  digest: string;
}

/** The findings and errors of one audit, as the JSON report writes them. */
function pin(snapshot: Snapshot, rules: readonly ActiveRule[], minSeverity: Severity): Pin {
  const result = runAudit([{ snapshot }], rules, minSeverity);
  return { findings: result.findings.length, digest: sha256(JSON.stringify({ findings: result.findings, errors: result.errors })) };
}

describe('the engine gives fixed snapshots the pinned findings, byte for byte', () => {
  test.each<[string, () => Pin, Pin]>([
    ['synthetic account, every rule, info', () => pin(synthetic, allRules, 'info'), { findings: 1698, digest: 'f7cfd93193acebb0abea5830e8c49bf654a9db38c95288bffc682b9c9e2e0ca6' }],
    ['synthetic account, every rule, medium', () => pin(synthetic, allRules, 'medium'), { findings: 432, digest: '67f2533276da0fb3cf2afdf8e23d1a9e21edcd9be72cff37a2b3df9a30c488ba' }],
    ['synthetic account, overridden severities, low', () => pin(synthetic, overridden, 'low'), { findings: 1458, digest: 'bc534a8d9d68ba9ce886e1527e0f30be382957ced94027e6c2e80247b061a6dc' }],
    ['demo account, every rule, info', () => pin(demo, allRules, 'info'), { findings: 24, digest: '91cee561e30063d3f7ad08464541b40eae84fffeed8a2c002d8996fa9a4e3975' }],
    ['demo account, overridden severities, high', () => pin(demo, overridden, 'high'), { findings: 12, digest: '166fb85c19b92f08f8268b9150d04835982446366df2939cd6c47a00f96ef3e0' }],
    ['rule examples with credentials, every rule, info', () => pin(examples, allRules, 'info'), { findings: 1060, digest: '511dcc31fcade0c4c18b61bbbd65d6b6407fc1cf8a0de556152f598c080adbab' }],
    ['rule examples with credentials, every rule, high', () => pin(examples, allRules, 'high'), { findings: 489, digest: 'ead4d8c31666fa70e3138e87924245057601225b3aaf74e1e0e9620a648942b8' }],
    ['rule examples with credentials, overridden severities, medium', () => pin(examples, overridden, 'medium'), { findings: 580, digest: '9d1f209bf5fc41b91c566c444992392992644ba03b7c303d3a95d2d2e5c6f8dd' }],
  ])('%s', (_case, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe('every report of the pinned findings is pinned too', () => {
  const now = new Date('2026-01-02T03:04:05.000Z');
  const result = runAudit([{ snapshot: synthetic }, { snapshot: examples }], allRules);
  test.each<[string, () => string, string]>([
    ['JSON', () => formatJson(result).join(''), 'bf5c1f68e994e394edf6aa9b7df2485037a919957d52b0911ced65ec67bd5e55'],
    ['text', () => formatText(result, PLAIN_TEXT_REPORT), 'a65c69ec0a5d65deb92e575326e1e7329a91afc2ba954c946c4f2100d489cca7'],
    ['SARIF', () => formatSarif(result, allRules).join(''), '721c148ebac75fd1b717fd712671e5c562930a3dc3a21b94618138f1df05a17d'],
    ['ASFF', () => formatAsff(result, now), 'a8d3fda4036af104ae42a76085e47dc4b6cd6c38dafebf71676f123f69b8b661'],
    ['OCSF', () => formatOcsf(result, now), '94b3bcd4884833306aadee7e4e291964c1183423943ccefa82267d162b2ea0e2'],
  ])('%s', (_format, render, expected) => {
    const output = render();
    // The pinned credentials were met and masked, so the pins cover the redaction too.
    expect(output).toContain('[redacted]');
    expect(sha256(output)).toBe(expected);
  });
});
