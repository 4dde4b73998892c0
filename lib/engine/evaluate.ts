import type { AuditError, Finding, FindingResource } from '../model/finding';
import { fingerprintOf } from '../model/fingerprint';
import type { Severity } from '../model/severity';
import type { Snapshot } from '../model/snapshot';
import type { Problem, Rule, RuleChecks } from '../rules/rule';
import { routesOf, targetOf } from '../rules/selectors';
import { ResourceDescriber } from './resource';
import { sortFindings } from './sort-findings';

/** A rule as configured for a run: enabled, with its severity possibly overridden. */
export interface ActiveRule {
  rule: Rule;
  severityOverride?: Severity;
}

export interface Evaluation {
  findings: Finding[];
  errors: AuditError[];
}

type NodeKind = keyof RuleChecks;

/**
 * Runs every active rule over a snapshot. A rule that throws is reported as an engine error
 * naming the rule and the resource, and the other rules (and the same rule on other
 * resources) still run. Findings come out de-duplicated by fingerprint and sorted.
 */
export function evaluate(snapshot: Snapshot, rules: readonly ActiveRule[]): Evaluation {
  const describe = new ResourceDescriber(snapshot);
  const findings = new Map<string, Finding>();
  const errors: AuditError[] = [];

  function visit<K extends NodeKind>(kind: K, node: Parameters<NonNullable<RuleChecks[K]>>[0], resource: () => FindingResource): void {
    for (const { rule, severityOverride } of rules) {
      const check = rule.check[kind] as ((node: Parameters<NonNullable<RuleChecks[K]>>[0]) => Problem[]) | undefined;
      if (check === undefined) continue;
      let problems: Problem[];
      try {
        problems = check(node);
      } catch (error) {
        errors.push({ source: 'engine', ruleId: rule.meta.id, arn: resource().arn, apiId: node.api.ApiId, message: `rule ${rule.meta.id} crashed: ${(error as Error)?.message ?? String(error)}` });
        continue;
      }
      for (const problem of problems) {
        const finding = toFinding(rule, problem, resource(), severityOverride);
        findings.set(finding.fingerprint, finding);
      }
    }
  }

  for (const api of snapshot.apis) {
    visit('api', { api }, () => describe.api({ api }));
    for (const integration of api.integrations) {
      const integrationNode = { api, integration, routes: routesOf(api, integration) };
      visit('integration', integrationNode, () => describe.integration(integrationNode));
      for (const response of integration.integrationResponses) {
        const node = { ...integrationNode, response };
        visit('integrationResponse', node, () => describe.integrationResponse(node));
      }
    }
    for (const route of api.routes) {
      const routeNode = { api, route, integration: targetOf(api, route) };
      visit('route', routeNode, () => describe.route(routeNode));
      for (const response of route.routeResponses) {
        const node = { ...routeNode, response };
        visit('routeResponse', node, () => describe.routeResponse(node));
      }
    }
  }
  return { findings: sortFindings([...findings.values()]), errors };
}

function toFinding(rule: Rule, problem: Problem, resource: FindingResource, severityOverride: Severity | undefined): Finding {
  return {
    ruleId: rule.meta.id,
    rule: rule.meta.name,
    severity: severityOverride ?? problem.severity ?? rule.meta.severity,
    title: rule.meta.title,
    message: problem.message,
    resource,
    path: problem.path,
    remediation: rule.meta.remediation,
    fingerprint: fingerprintOf(rule.meta.id, resource.arn, problem.path),
  };
}
