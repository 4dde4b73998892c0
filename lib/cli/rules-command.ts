import { rulePageUrl } from '../report/rule-page-url';
import { RULES } from '../rules';
import type { Command, CliIo } from './command';
import { choiceOption, parseOptions } from './options';

// The page's address, not docs/rules/: an installed package does not carry the docs.
const HELP = `Usage: apigw-audit rules [--format text|json]

Lists every rule with its id, default severity, kind and title, and says which are off by
default (json: the full metadata except the examples, which are on each rule's page,
${rulePageUrl('ID')}).
`;

export const rulesCommand: Command = {
  help: HELP,
  async run(args: string[], io: CliIo) {
    const { values } = parseOptions(args, { format: { type: 'string' } });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const format = choiceOption(values.format, '--format', ['text', 'json'] as const, 'text');
    if (format === 'json') {
      // reportsOnlyWith is left out: it tells the engine which responses it may skip, nothing a user configures.
      io.stdout(`${JSON.stringify({ rules: RULES.map(({ meta: { examples: _examples, reportsOnlyWith: _reportsOnlyWith, ...meta } }) => ({ ...meta, enabledByDefault: meta.enabledByDefault !== false })) }, null, 2)}\n`);
      return 0;
    }
    const idWidth = Math.max(...RULES.map((rule) => rule.meta.id.length));
    for (const { meta } of RULES) {
      io.stdout(`${meta.id.padEnd(idWidth)}  ${meta.severity.padEnd(8)} ${meta.kind.padEnd(9)} ${meta.name}: ${meta.title}${meta.enabledByDefault === false ? ' (off by default)' : ''}\n`);
    }
    io.stdout(`${RULES.length} rules.\n`);
    return 0;
  },
};
