import { evaluate } from '../engine/evaluate';
import { apiFromSketch, type ApiSketch } from '../model/sketch';
import type { Rule } from '../rules/rule';

/**
 * Rule documentation generated from rule metadata (cfn-lint's docs/rules.md, one page per rule
 * as ESLint does). The example findings are computed by running the rule, so a page can never
 * show a message the rule does not produce.
 */
export function ruleDoc(rule: Rule): string {
  const { meta } = rule;
  return [
    `# ${meta.id} ${meta.name}`,
    '',
    `**${meta.title}**`,
    '',
    `| id | name | default severity | kind |`,
    `|---|---|---|---|`,
    `| ${meta.id} | ${meta.name} | ${meta.severity} | ${meta.kind} |`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.remediation,
    '',
    '## Example that fires',
    '',
    fence(meta.examples.fires),
    '',
    ...exampleFindings(rule, meta.examples.fires).map((line) => `- ${line}`),
    '',
    '## Example that stays quiet',
    '',
    fence(meta.examples.quiet),
    '',
    '## Source',
    '',
    `<${meta.source}>`,
    '',
    '## Configuration',
    '',
    `Turn it off with \`{"rules": {"${meta.id}": "off"}}\` or change its severity with \`{"rules": {"${meta.id}": "info"}}\` (see the README, "Configuration").`,
    '',
  ].join('\n');
}

/** docs/rules.md: the index of every rule. */
export function rulesIndex(rules: readonly Rule[]): string {
  return ['# Rules', '', `${rules.length} rules. Generated from the rule metadata by \`npm run docs\`; do not edit by hand.`, '', rulesTable(rules, 'rules/'), ''].join('\n');
}

/** The rule table, with links relative to where it is shown (README or docs/). */
export function rulesTable(rules: readonly Rule[], linkPrefix: string): string {
  return [
    '| id | name | severity | kind | title |',
    '|---|---|---|---|---|',
    ...rules.map(({ meta }) => `| [${meta.id}](${linkPrefix}${meta.id}.md) | ${meta.name} | ${meta.severity} | ${meta.kind} | ${escapeCell(meta.title)} |`),
  ].join('\n');
}

function exampleFindings(rule: Rule, sketch: ApiSketch): string[] {
  const { findings } = evaluate({ region: 'eu-west-1', apis: [apiFromSketch(sketch)] }, [{ rule }]);
  return findings.map((finding) => `${finding.severity} on \`${finding.resource.type}\` at \`${finding.path}\`: ${finding.message}`);
}

function fence(sketch: ApiSketch): string {
  return ['```json', JSON.stringify(sketch, abbreviateLongStrings, 2), '```'].join('\n');
}

/** Size-limit examples hold templates of 300 KB; a page shows their start and their length. */
function abbreviateLongStrings(_key: string, value: unknown): unknown {
  const limit = 80;
  return typeof value === 'string' && value.length > limit ? `${value.slice(0, 20)}… (${value.length.toLocaleString('en-US')} characters in all)` : value;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
