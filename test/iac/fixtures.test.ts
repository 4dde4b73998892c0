import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from '../../lib/model/finding';
import { RULES } from '../../lib/rules';
import { FIXTURES, scanAll } from './scan-support';

/**
 * cfn-lint-style snapshot tests: each fixture with planted mistakes has a committed result in
 * test/fixtures/iac/results/<name>.json listing the rules planted in it and, for those rules
 * only, every finding as rule id, logical id, file and line. Other rules may be added to the
 * project (and may fire on the fixture) without breaking the test; a planted finding that
 * disappears or moves, or a planted rule that fires somewhere unexpected, does.
 * `UPDATE_IAC_RESULTS=1 npx jest test/iac/fixtures` rewrites the results (review the diff).
 */
interface ExpectedResult {
  rules: string[];
  findings: { ruleId: string; logicalId: string; file: string; line: number }[];
}

const MISTAKES: Record<string, { path: string; rules: string[] }> = {
  'websocket-chat-mistakes': { path: `${FIXTURES}/cloudformation/websocket-chat-mistakes.yaml`, rules: ['IR009', 'RR004', 'WS001'] },
  'mock-default-route-mistakes': { path: `${FIXTURES}/cloudformation/mock-default-route-mistakes.yaml`, rules: ['IR001', 'IR003', 'IR004', 'IR005', 'IR013', 'RR001', 'RR002'] },
  'http-api-response-parameters-mistakes': {
    path: `${FIXTURES}/cloudformation/http-api-response-parameters-mistakes.yaml`,
    rules: ['HP001', 'HP002', 'HP004', 'HP009', 'IR010', 'RR005'],
  },
  'websocket-sqs-mistakes': { path: `${FIXTURES}/terraform/websocket-sqs-mistakes`, rules: ['HP007', 'IR001', 'IR013', 'IR014', 'RR002', 'WS001'] },
  'mock-echo-mistakes.plan': { path: `${FIXTURES}/terraform/plan/mock-echo-mistakes.plan.json`, rules: ['IR001', 'IR013', 'IR014', 'RR001'] },
};

const CLEAN: Record<string, string> = {
  'websocket-chat': `${FIXTURES}/cloudformation/websocket-chat.yaml`,
  'mock-default-route': `${FIXTURES}/cloudformation/mock-default-route.yaml`,
  'http-api-response-parameters': `${FIXTURES}/cloudformation/http-api-response-parameters.yaml`,
  'http-api as CDK synthesizes it': `${FIXTURES}/cdk/cdk.out`,
  'websocket-sqs (Terraform module)': `${FIXTURES}/terraform/websocket-sqs`,
};


const summarise = (findings: readonly Finding[], rules: readonly string[]) =>
  findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map((finding) => ({ ruleId: finding.ruleId, logicalId: finding.resource.logicalId ?? '', file: finding.location?.file ?? '', line: finding.location?.line ?? 0 }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));

describe('fixtures with planted mistakes match their committed results', () => {
  test.each(Object.entries(MISTAKES))('%s', async (name, { path, rules }) => {
    const resultFile = `${FIXTURES}/results/${name}.json`;
    const result = await scanAll(path);
    expect(result.errors).toEqual([]);
    const actual: ExpectedResult = { rules, findings: summarise(result.findings, rules) };
    if (process.env['UPDATE_IAC_RESULTS'] === '1') writeFileSync(resultFile, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(resultFile, 'utf8')) as ExpectedResult;
    expect(actual).toEqual(expected);
    // Every planted rule is registered and fires at least once.
    for (const rule of rules) {
      expect(RULES.some((candidate) => candidate.meta.id === rule)).toBe(true);
      expect(expected.findings.some((finding) => finding.ruleId === rule)).toBe(true);
    }
  });
});

describe('clean fixtures: no certain rule fires', () => {
  const certain = RULES.filter((rule) => rule.meta.kind === 'certain').map((rule) => rule.meta.id);
  test.each(Object.entries(CLEAN))('%s', async (_name, path) => {
    const result = await scanAll(path);
    expect(result.errors).toEqual([]);
    expect(result.sources.every((source) => source.resources > 0)).toBe(true);
    expect(result.findings.filter((finding) => certain.includes(finding.ruleId)).map((f) => `${f.ruleId} ${f.location?.file}:${f.location?.line} ${f.message}`)).toEqual([]);
  });
});
