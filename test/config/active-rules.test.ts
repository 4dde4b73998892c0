import { activeRules } from '../../lib/config/active-rules';
import { parseAuditConfig, parseAuditConfigText } from '../../lib/config/audit-config';
import { IR004 } from '../../lib/rules/ir/IR004';
import { IR014 } from '../../lib/rules/ir/IR014';
import { IR115 } from '../../lib/rules/ir/IR115';

const rules = [IR004, IR014];
const summary = (config: unknown) => activeRules(rules, parseAuditConfig(config, 'cfg.json'), 'cfg.json').map((a) => `${a.rule.meta.id}:${a.severityOverride ?? '-'}`);

describe('rule configuration', () => {
  test('every rule is on at its catalog severity by default', () => {
    expect(summary({})).toEqual(['IR004:-', 'IR014:-']);
  });

  test.each([
    [{ rules: { IR014: 'off' } }, ['IR004:-']],
    [{ rules: { 'ir-content-handling-missing': 'off' } }, ['IR004:-']],
    [{ rules: { IR014: { enabled: false } } }, ['IR004:-']],
    [{ rules: { IR004: 'low' } }, ['IR004:low', 'IR014:-']],
    [{ rules: { IR004: { severity: 'critical' } } }, ['IR004:critical', 'IR014:-']],
    [{ rules: { IR004: { enabled: true } } }, ['IR004:-', 'IR014:-']],
  ])('%j', (config, expected) => {
    expect(summary(config)).toEqual(expected);
  });

  test.each([
    [{}, ['IR004:-']],
    [{ rules: { IR115: { enabled: true } } }, ['IR004:-', 'IR115:-']],
    [{ rules: { IR115: 'low' } }, ['IR004:-', 'IR115:low']],
    [{ rules: { 'integration-response-selection-expression-nonstandard': { severity: 'medium' } } }, ['IR004:-', 'IR115:medium']],
    [{ rules: { IR115: { enabled: false, severity: 'low' } } }, ['IR004:-']],
  ])('a rule off by default (IR115) runs only when configuration names it: %j', (config, expected) => {
    expect(activeRules([IR004, IR115], parseAuditConfig(config, 'cfg.json'), 'cfg.json').map((a) => `${a.rule.meta.id}:${a.severityOverride ?? '-'}`)).toEqual(expected);
  });

  test.each([
    [{ rules: { IR404: 'off' } }, 'cfg.json: rules.IR404: no rule has this id or name (did you mean "IR004"?)'],
    [{ rules: { 'ir-content-handling-mising': 'off' } }, 'rules.ir-content-handling-mising: no rule has this id or name (did you mean "ir-content-handling-missing"?)'],
    [{ rules: { IR004: 'loud' } }, 'cfg.json: rules.IR004: must be "off", a severity (critical, high, medium, low, info), {"enabled": false} or {"severity": "low"}; got "loud"'],
    [{ rules: { IR014: 'of' } }, 'cfg.json: rules.IR014: must be "off", a severity (critical, high, medium, low, info), {"enabled": false} or {"severity": "low"}; got "of" (did you mean "off"?)'],
    [{ rules: { IR004: { enable: false } } }, 'cfg.json: rules.IR004:'],
    [{ rule: {} }, 'cfg.json: unknown key "rule" (did you mean "rules"?); the keys are rules, minSeverity, failOn'],
    [{ minSeverity: 'urgent' }, 'cfg.json: minSeverity: must be "critical", "high", "medium", "low", "info"; got "urgent"'],
    [{ failOn: 'hgh' }, 'cfg.json: failOn: must be "critical", "high", "medium", "low", "info", "none"; got "hgh" (did you mean "high"?)'],
  ])('rejects %j naming the field', (config, message) => {
    expect(() => summary(config)).toThrow(message);
  });

  test('a long bad value is quoted back cut short, as JSON (no raw control characters)', () => {
    expect(() => parseAuditConfig({ failOn: `x\u0007${'y'.repeat(5000)}` }, 'cfg.json')).toThrow(/^cfg\.json: failOn: must be .*; got "x\\u0007y{72}\.\.\.$/);
  });

  test('failOn takes "none" as --fail-on does', () => {
    expect(parseAuditConfig({ failOn: 'none' }, 'cfg.json').failOn).toBe('none');
  });

  test('configuration text that is not JSON names its origin, and is quoted back only when asked (a variable\'s value, not a file\'s text)', () => {
    expect(() => parseAuditConfigText('{rules:', 'cfg.json')).toThrow(/^cfg\.json: not valid JSON: [^;]+$/);
    expect(() => parseAuditConfigText('{rules:', 'RULES_CONFIG', { quoteText: true })).toThrow(/^RULES_CONFIG: not valid JSON: .+; got "\{rules:"$/);
    expect(() => parseAuditConfigText(' \n', 'apigw-audit.json')).toThrow('apigw-audit.json: empty; the configuration is a JSON object');
  });
});
