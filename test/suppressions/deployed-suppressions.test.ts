import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../lib/config/audit-config';
import { RULES } from '../../lib/rules';
import { loadDeployedSuppressions } from '../../lib/suppressions/load-deployed-suppressions';
import { loadSuppressionsFile } from '../../lib/suppressions/load-suppressions-file';
import { writeDeployedSuppressions } from '../../lib/suppressions/write-deployed-suppressions';

/** The suppression file from the user's YAML to the JSON the function reads, as packaging converts it. */
const KNOWN_RULES = RULES.map((rule) => rule.meta);
const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-deployed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

test('the deployed JSON holds the validated entries, and the function reads back exactly what the CLI reads from the YAML', async () => {
  const source = written(
    'accepted.yml',
    [
      '# comments and YAML syntax stay behind',
      'suppressions:',
      '  - rule: IR004',
      '    resource: "  ping01 "',
      '    reason: legacy clients read the misspelt header',
      '    expires: 2026-12-31',
      '    owner: chat-team@example.com',
      '  - { rule: "IR01*", resource: "arn:aws:apigateway:*::/apis/abc123/integrations/i1/*", reason: migrating, expires: "2027-01-15" }',
      '',
    ].join('\n'),
  );
  const deployed = join(dir, 'out', 'suppressions.json');
  await writeDeployedSuppressions(source, deployed, KNOWN_RULES);

  expect(JSON.parse(readFileSync(deployed, 'utf8'))).toEqual({
    suppressions: [
      { rule: 'IR004', resource: 'ping01', reason: 'legacy clients read the misspelt header', expires: '2026-12-31', owner: 'chat-team@example.com' },
      { rule: 'IR01*', resource: 'arn:aws:apigateway:*::/apis/abc123/integrations/i1/*', reason: 'migrating', expires: '2027-01-15' },
    ],
  });
  expect(await loadDeployedSuppressions(deployed, KNOWN_RULES)).toEqual(await loadSuppressionsFile(source, KNOWN_RULES));
});

test('a bad entry fails the conversion, naming the file and the entry, and writes nothing', async () => {
  const deployed = join(dir, 'refused.json');
  const conversion = writeDeployedSuppressions('test/fixtures/suppressions/malformed.yml', deployed, KNOWN_RULES);
  await expect(conversion).rejects.toThrow(ConfigError);
  await expect(conversion).rejects.toThrow('test/fixtures/suppressions/malformed.yml: suppressions[1] (rule "WS001"): expires: is required');
  expect(existsSync(deployed)).toBe(false);
});

test('the function refuses a deployed file that is not JSON, naming it', async () => {
  const yaml = written('not-converted.json', 'suppressions:\n  - rule: IR004\n');
  const load = loadDeployedSuppressions(yaml, KNOWN_RULES);
  await expect(load).rejects.toThrow(ConfigError);
  await expect(load).rejects.toThrow(`${yaml}: not valid JSON: `);
});
