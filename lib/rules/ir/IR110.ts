import { defineRule } from '../define-rule';
import { mapPath, show } from '../values';
import { blockImbalance, templatesOf, type BlockImbalance } from './vtl';

function describe({ openers, ends, directive, line }: BlockImbalance): string {
  const counts = `${openers} block opener${openers === 1 ? '' : 's'} (#if, #foreach, #macro, #define) but ${ends} #end`;
  return `${counts}: the ${directive} on line ${line} ${directive === '#end' ? 'closes nothing' : 'is never closed'}`;
}

export const IR110 = defineRule({
  meta: {
    id: 'IR110',
    name: 'ir-vtl-unbalanced-blocks',
    kind: 'heuristic',
    severity: 'high',
    title: 'Response template opens and closes a different number of #if/#foreach/#macro/#define blocks',
    rationale:
      'Every #if, #foreach, #macro and #define block needs its #end. velocityjs accepts an unclosed block or a stray #end silently, but Apache Velocity would fail to parse the template (the exact API Gateway error is unsourced).',
    remediation: 'Balance the blocks: close each #if, #foreach, #macro and #define with one #end.',
    source: 'https://www.npmjs.com/package/velocityjs/v/2.1.7',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '#if($input.path(\'$.ok\'))\n{"ok": true}\n' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: '#if($input.path(\'$.ok\'))\n{"ok": true}\n#end\n' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      templatesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        const imbalance = blockImbalance(template);
        return imbalance === undefined ? [] : [{ path: mapPath('ResponseTemplates', key), message: `Template ${show(key)} has ${describe(imbalance)}.` }];
      }),
  },
});
