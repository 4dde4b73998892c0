import { RULES } from '../../lib/rules';
import type { OptionalResponseField } from '../../lib/rules/reports-only-with';
import type { IntegrationResponseNode, Problem, Rule } from '../../lib/rules/rule';

/** The rules whose integrationResponse check the engine skips on responses without their fields. */
export const DECLARING_RULES = RULES.filter((rule) => rule.meta.reportsOnlyWith !== undefined);

/** The variants of a node each declaration is tried on: the node as it is, or variants of its context too. */
export type NodeVariants = (node: IntegrationResponseNode) => IntegrationResponseNode[];

const asItIs: NodeVariants = (node) => [node];

/**
 * A rule that reports nothing and sees every integration response the engine walks (in a scan,
 * through the unresolved-value guard like any rule). On each it runs every declaring rule's
 * check on the node with the declared fields taken out of the response, which is where the
 * engine does not call it, and records what that check reports: what skipping would lose.
 */
export function skippedResponseProbe(rules: readonly Rule[], variants: NodeVariants = asItIs): { rule: Rule; lost: string[] } {
  const lost: string[] = [];
  const { reportsOnlyWith: _reportsOnlyWith, ...meta } = RULES[0]!.meta;
  const integrationResponse = (node: IntegrationResponseNode): Problem[] => {
    for (const rule of rules) {
      const declared = rule.meta.reportsOnlyWith;
      if (declared === undefined) continue;
      for (const variant of variants({ ...node, response: without(node.response, declared) })) {
        for (const problem of rule.check.integrationResponse!(variant)) {
          lost.push(`${rule.meta.id} on ${node.api.ApiId}/${node.integration.IntegrationId}/${node.response.IntegrationResponseId} without ${declared.join(', ')}: ${problem.path}: ${problem.message}`);
        }
      }
    }
    return [];
  };
  return { rule: { meta, check: { integrationResponse } }, lost };
}

function without(response: IntegrationResponseNode['response'], fields: readonly OptionalResponseField[]): IntegrationResponseNode['response'] {
  const copy = { ...response };
  for (const field of fields) delete copy[field];
  return copy;
}
