import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import type { Log, ReportingDescriptor } from 'sarif';
import { FINGERPRINT_KEY, formatSarif, SECURITY_SEVERITY } from '../../lib/report/sarif';
import { RULES } from '../../lib/rules';
import { FIXTURES, scanAll } from '../iac/scan-support';

/**
 * The SARIF 2.1.0 schema (2.1.0-rtm.5, the release GitHub code scanning reads), as Microsoft's
 * @microsoft/jest-sarif package ships it: the dev dependency is here only for this file, so the
 * test runs offline. It is a draft-04 schema, hence ajv-draft-04.
 */
const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

async function sarifOfFixtures(): Promise<{ log: Log; fingerprints: string[] }> {
  const result = await scanAll(
    `${FIXTURES}/cloudformation/mock-default-route-mistakes.yaml`,
    `${FIXTURES}/cloudformation/http-api-response-parameters-mistakes.yaml`,
    `${FIXTURES}/terraform/websocket-sqs-mistakes`,
    `${FIXTURES}/malformed/bad-yaml.yaml`,
  );
  return { log: JSON.parse(formatSarif(result, RULES.map((rule) => ({ rule }))).join('')) as Log, fingerprints: result.findings.map((finding) => finding.fingerprint) };
}

test('validates against the SARIF 2.1.0 schema', async () => {
  // The schema's language pattern has a stray ] that only the non-unicode RegExp syntax accepts.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  const { log } = await sarifOfFixtures();
  expect(validate(log) ? [] : validate.errors).toEqual([]);
  // Compiling the draft-04 schema and the first Terraform read (hcl2json's WebAssembly) take a
  // few seconds on a busy 2-core machine: more than jest's default 5.
}, 30_000);

describe('what GitHub code scanning needs', () => {
  let log: Log;
  let fingerprints: string[];
  beforeAll(async () => {
    ({ log, fingerprints } = await sarifOfFixtures());
  });

  test('one run of apigw-audit, SARIF 2.1.0', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver.name).toBe('apigw-audit');
  });

  test('every rule with descriptions, help, a security-severity score and tags', () => {
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));
    for (const rule of rules as ReportingDescriptor[]) {
      const meta = RULES.find((candidate) => candidate.meta.id === rule.id)!.meta;
      expect(rule.name).toBe(meta.name);
      expect(rule.shortDescription?.text).toBe(meta.title);
      expect(rule.fullDescription?.text).toBe(meta.rationale);
      expect(rule.help?.text).toContain(meta.remediation);
      expect(rule.help?.markdown).toContain(`docs/rules/${meta.id}.md`);
      expect(rule.helpUri).toMatch(/^https:\/\//);
      const score = Number(rule.properties?.['security-severity']);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(10);
      expect(rule.properties?.['security-severity']).toBe(SECURITY_SEVERITY[meta.severity]);
      expect(rule.properties?.tags).toEqual(expect.arrayContaining(['apigatewayv2', meta.kind]));
      expect(rule.properties?.['kind']).toBe(meta.kind);
      expect(rule.defaultConfiguration?.enabled).toBe(meta.enabledByDefault !== false);
    }
  });

  test('every result names its rule, has a level, a message, a repository-relative location and a fingerprint', () => {
    const run = log.runs[0]!;
    const results = run.results!;
    expect(results.length).toBeGreaterThan(10);
    results.forEach((result, index) => {
      expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
      const location = result.locations![0]!.physicalLocation!;
      expect(location.artifactLocation!.uri).toMatch(/^test\/fixtures\/iac\/[^\\]+$/);
      expect(location.region!.startLine).toBeGreaterThan(0);
      expect(location.region!.startColumn).toBeGreaterThan(0);
      expect(result.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: fingerprints[index] });
      expect(result.properties?.['kind']).toBe(RULES.find((rule) => rule.meta.id === result.ruleId)!.meta.kind);
    });
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test('a file that could not be read is a tool execution notification; the run is marked unsuccessful', () => {
    const [invocation] = log.runs[0]!.invocations!;
    expect(invocation!.executionSuccessful).toBe(false);
    expect(invocation!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: `${FIXTURES}/malformed/bad-yaml.yaml` } } }] }),
    ]);
  });
});
