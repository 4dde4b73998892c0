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
    ['synthetic account, every rule, info', () => pin(synthetic, allRules, 'info'), { findings: 1698, digest: '9d948052383b5adc7c31841241fa7df698386e48236e55855eaa78934c176b38' }],
    ['synthetic account, every rule, medium', () => pin(synthetic, allRules, 'medium'), { findings: 432, digest: '67f2533276da0fb3cf2afdf8e23d1a9e21edcd9be72cff37a2b3df9a30c488ba' }],
    ['synthetic account, overridden severities, low', () => pin(synthetic, overridden, 'low'), { findings: 1458, digest: '4d8913172829225d3e7e7be02cdeee13f692b250abab1c09d2986314da2c24b7' }],
    ['demo account, every rule, info', () => pin(demo, allRules, 'info'), { findings: 24, digest: '0fdf039b1cc0ea91b27b4b2b1da3bff97a08bd835b7ba2bfe9d6687d7df0eed7' }],
    ['demo account, overridden severities, high', () => pin(demo, overridden, 'high'), { findings: 12, digest: '6d152f3fcc3bb2006cda426bfb110ed7e3d7e8feb9858c2b0ff20ef865fefe42' }],
    ['rule examples with credentials, every rule, info', () => pin(examples, allRules, 'info'), { findings: 1060, digest: 'd2fa869e7384b35b3e87b13e8d654964ae4fa905d88c795058c536a68ea8fbe6' }],
    ['rule examples with credentials, every rule, high', () => pin(examples, allRules, 'high'), { findings: 489, digest: 'ead4d8c31666fa70e3138e87924245057601225b3aaf74e1e0e9620a648942b8' }],
    ['rule examples with credentials, overridden severities, medium', () => pin(examples, overridden, 'medium'), { findings: 580, digest: '238025747ded16d2cfb51212f8d8ba89da5f72c90433cf6ef83cee82ec1b4483' }],
  ])('%s', (_case, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe('every report of the pinned findings is pinned too', () => {
  const now = new Date('2026-01-02T03:04:05.000Z');
  const result = runAudit([{ snapshot: synthetic }, { snapshot: examples }], allRules);
  test.each<[string, () => string, string]>([
    ['JSON', () => formatJson(result).join(''), '99996abfea1ba7156dcbf606993358dc59d5c6da210e85cf053890de22144a03'],
    ['text', () => formatText(result, PLAIN_TEXT_REPORT), '1424b45367ae2a48fb356c00916157ccc9dd73a24541fdbe8da3dc11bdb9a332'],
    ['SARIF', () => formatSarif(result, allRules).join(''), 'a404ce21c4f38f9eee3acae3a938d4d589a29614c41474b6d22c85d6a16e3c8c'],
    ['ASFF', () => formatAsff(result, now), '13119a942b0a0bbbcc5e64e5ca52566b4a3b1469919fab394ef3100184c53205'],
    ['OCSF', () => formatOcsf(result, now), 'c6a188057d86d1c3a073cf56f0082c45bb2f63f3a0ac75b08dcccc3eb6252091'],
  ])('%s', (_format, render, expected) => {
    const output = render();
    // The pinned credentials were met and masked, so the pins cover the redaction too.
    expect(output).toContain('[redacted]');
    expect(sha256(output)).toBe(expected);
  });
});
