import { evaluate } from '../engine/evaluate';
import { apiFromSketch, type ApiSketch } from '../model/sketch';
import { RULE_KINDS, type RuleKind } from '../model/rule-kind';
import type { Rule } from '../rules/rule';
import { precisionPercent, type PrecisionByRule, type RulePrecision } from './rule-precision';

/**
 * Rule documentation generated from rule metadata (cfn-lint's docs/rules.md, one page per rule
 * as ESLint does). The example findings are computed by running the rule, so a page can never
 * show a message the rule does not produce. The precision on real configurations comes from
 * docs/rule-precision.json, which `npm run docs` measures on the real-world corpus.
 */
export function ruleDoc(rule: Rule, precision: RulePrecision | undefined): string {
  const { meta } = rule;
  return [
    `# ${meta.id} ${meta.name}`,
    '',
    `**${meta.title}**`,
    '',
    `| id | name | default severity | kind | enabled by default |`,
    `|---|---|---|---|---|`,
    `| ${meta.id} | ${meta.name} | ${meta.severity} | ${meta.kind} | ${meta.enabledByDefault === false ? 'no: turn it on in the configuration' : 'yes'} |`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.remediation,
    '',
    '## On real configurations',
    '',
    onCorpus(precision),
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
    meta.enabledByDefault === false
      ? `Off by default. Turn it on with \`{"rules": {"${meta.id}": {"enabled": true}}}\` or at a severity of your choice with \`{"rules": {"${meta.id}": "info"}}\` (see the README, "Configuration").`
      : `Turn it off with \`{"rules": {"${meta.id}": "off"}}\` or change its severity with \`{"rules": {"${meta.id}": "info"}}\` (see the README, "Configuration").`,
    '',
  ].join('\n');
}

/** docs/rules.md: the index of every rule. */
export function rulesIndex(rules: readonly Rule[], precision: PrecisionByRule): string {
  return [
    '# Rules',
    '',
    `${rules.length} rules. Generated from the rule metadata by \`npm run docs\`; do not edit by hand. "fired" and "precision" are measured on the real-world corpus ([real-world.md](real-world.md)); the totals by kind count the rules a default run uses.`,
    '',
    kindTable(rules, precision),
    '',
    rulesTable(rules, precision, 'rules/'),
    '',
  ].join('\n');
}

/**
 * Findings and precision on the corpus by kind, and heuristic and security together (the bar is
 * 85 %), of the rules a default run uses: a rule off by default shows its own numbers on its page.
 */
function kindTable(rules: readonly Rule[], precision: PrecisionByRule): string {
  const total = (kinds: readonly RuleKind[]): RulePrecision =>
    rules
      .filter(({ meta }) => kinds.includes(meta.kind) && meta.enabledByDefault !== false)
      .reduce((sum, { meta }) => {
        const measured = precision[meta.id] ?? { fired: 0, real: 0, noise: 0 };
        return { fired: sum.fired + measured.fired, real: sum.real + measured.real, noise: sum.noise + measured.noise };
      }, { fired: 0, real: 0, noise: 0 });
  const row = (label: string, kinds: readonly RuleKind[]) => {
    const sum = total(kinds);
    return `| ${label} | ${sum.fired} | ${sum.real} | ${sum.noise} | ${precisionPercent(sum)} |`;
  };
  return [
    '| kind | fired | real | noise | precision |',
    '|---|---|---|---|---|',
    ...RULE_KINDS.map((kind) => row(kind, [kind])),
    row('heuristic and security', ['heuristic', 'security']),
  ].join('\n');
}

/** The rule table, with links relative to where it is shown (README or docs/). */
export function rulesTable(rules: readonly Rule[], precision: PrecisionByRule, linkPrefix: string): string {
  return [
    '| id | name | severity | kind | fired | precision | title |',
    '|---|---|---|---|---|---|---|',
    ...rules.map(({ meta }) => {
      const measured = precision[meta.id];
      const fired = measured === undefined ? '-' : String(measured.fired);
      const percent = measured === undefined ? '-' : precisionPercent(measured);
      const severity = meta.enabledByDefault === false ? `${meta.severity}, off by default` : meta.severity;
      return `| [${meta.id}](${linkPrefix}${meta.id}.md) | ${meta.name} | ${severity} | ${meta.kind} | ${fired} | ${percent} | ${escapeCell(meta.title)} |`;
    }),
  ].join('\n');
}

/** The rule page's sentence on the corpus: how often it fired and how many findings were real. */
function onCorpus(precision: RulePrecision | undefined): string {
  const corpus = 'the real-world corpus of public configurations ([docs/real-world.md](../real-world.md))';
  if (precision === undefined) return `Not measured yet on ${corpus}.`;
  if (precision.fired === 0) return `Fired on nothing in ${corpus}.`;
  const unlabelled = precision.fired - precision.real - precision.noise;
  const rest = unlabelled === 0 ? '' : ` (${unlabelled} not labelled)`;
  return `Fired ${precision.fired} time${precision.fired === 1 ? '' : 's'} on ${corpus}: ${precision.real} real, ${precision.noise} noise${rest}; precision ${precisionPercent(precision)}.`;
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
