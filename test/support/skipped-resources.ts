import { RULES } from '../../lib/rules';
import type { OptionalField } from '../../lib/rules/reports-only-with';
import type { IntegrationNode, IntegrationResponseNode, Problem, Rule } from '../../lib/rules/rule';

/** The rules whose integration and integration response checks the engine skips on resources without their fields. */
export const DECLARING_RULES = RULES.filter((rule) => rule.meta.reportsOnlyWith !== undefined);

/** The variants of a node each declaration is tried on: the node as it is, or variants of its context too. */
export type NodeVariants = <N extends IntegrationNode>(node: N) => N[];

const asItIs: NodeVariants = (node) => [node];

/**
 * A rule that reports nothing and sees every integration and integration response the engine
 * walks (in a scan, through the unresolved-value guard like any rule). On each it runs every
 * declaring rule's check of that kind on the node with the declared fields taken out of the
 * resource, which is where the engine does not call it, and records what that check reports:
 * what skipping would lose.
 */
export function skippedResourceProbe(rules: readonly Rule[], variants: NodeVariants = asItIs): { rule: Rule; lost: string[] } {
  const lost: string[] = [];
  const probe =
    <N extends IntegrationNode>(checkOf: (rule: Rule) => ((node: N) => Problem[]) | undefined, stripped: (node: N, fields: readonly OptionalField[]) => N, where: (node: N) => string) =>
    (node: N): Problem[] => {
      for (const rule of rules) {
        const declared = rule.meta.reportsOnlyWith;
        const check = checkOf(rule);
        if (declared === undefined || check === undefined) continue;
        for (const variant of variants(stripped(node, declared))) {
          for (const problem of check(variant)) lost.push(`${rule.meta.id} on ${where(node)} without ${declared.join(', ')}: ${problem.path}: ${problem.message}`);
        }
      }
      return [];
    };
  const { reportsOnlyWith: _reportsOnlyWith, ...meta } = RULES[0]!.meta;
  const integration = probe<IntegrationNode>(
    (rule) => rule.check.integration,
    (node, fields) => ({ ...node, integration: without(node.integration, fields) }),
    (node) => `${node.api.ApiId}/${node.integration.IntegrationId}`,
  );
  const integrationResponse = probe<IntegrationResponseNode>(
    (rule) => rule.check.integrationResponse,
    (node, fields) => ({ ...node, response: without(node.response, fields) }),
    (node) => `${node.api.ApiId}/${node.integration.IntegrationId}/${node.response.IntegrationResponseId}`,
  );
  return { rule: { meta, check: { integration, integrationResponse } }, lost };
}

function without<T extends Readonly<Record<string, unknown>>>(resource: T, fields: readonly OptionalField[]): T {
  const copy: Record<string, unknown> = { ...resource };
  for (const field of fields) delete copy[field];
  return copy as T;
}
