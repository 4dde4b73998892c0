import { ApiIndex } from '../model/api-index';
import type { AuditError, Finding, FindingResource } from '../model/finding';
import { fingerprintOf } from '../model/fingerprint';
import { memoizeText } from '../model/memoize-text';
import { REDACTED, redact, secretFieldValues } from '../model/redact';
import { atLeast, type Severity } from '../model/severity';
import type { Snapshot } from '../model/snapshot';
import { fieldsPresent, mayReport, OPTIONAL_FIELDS } from '../rules/reports-only-with';
import type { Problem, Rule, RuleChecks } from '../rules/rule';
import { arnsAreDistinct } from './distinct-arns';
import { FindingList } from './finding-list';
import { ResourceDescriber, type Redaction } from './resource';
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
 * resources) still run. Findings come out de-duplicated by fingerprint and sorted. Findings
 * below `minSeverity` are never built, and a rule configured below it never runs.
 */
export function evaluate(snapshot: Snapshot, rules: readonly ActiveRule[], minSeverity: Severity = 'info'): Evaluation {
  // A rule quoting a value cannot know it is a credential: every text of every finding is
  // redacted here. Without credentials of the node's own (nearly always) the answer depends on
  // the text alone, and is remembered: the same path, message, name or key comes back in
  // finding after finding, and a lookup costs a fraction of the credential patterns.
  const redactRemembered = memoizeText((text) => redact(text), 20_000);
  const usual: Redaction = { text: redactRemembered, once: (text) => redact(text) };
  const redactionOf = (own: object): Redaction => {
    const secrets = secretFieldValues(own);
    if (secrets.length === 0) return usual;
    const withSecrets = (text: string): string => redact(text, secrets);
    return { text: withSecrets, once: withSecrets };
  };
  const describe = new ResourceDescriber(snapshot, usual);
  // Bound once per run, so visiting a node allocates no closure.
  const describers: { [K in NodeKind]: (node: NodeOf<K>, clean: Redaction) => FindingResource } = {
    api: (node, clean) => describe.api(node, clean),
    integration: (node, clean) => describe.integration(node, clean),
    integrationResponse: (node, clean) => describe.integrationResponse(node, clean),
    route: (node, clean) => describe.route(node, clean),
    routeResponse: (node, clean) => describe.routeResponse(node, clean),
  };
  const findings = new FindingList();
  // Whether two nodes may share an ARN, and so their findings a fingerprint (finding-list.ts).
  let arnsMayRepeat = !arnsAreDistinct(snapshot);
  /** The node's resource block, built when its first finding (or crash) is: its findings follow. */
  const describeNode = <K extends NodeKind>(kind: K, node: NodeOf<K>, clean: Redaction): FindingResource => {
    const resource = describers[kind](node, clean);
    // Distinct ARNs can redact to the same text; a changed one holds the mark.
    arnsMayRepeat ||= resource.arn.includes(REDACTED);
    findings.nextNode();
    return resource;
  };
  const errors: AuditError[] = [];
  const checksOf = checksByKind(rules.filter((active) => active.severityOverride === undefined || atLeast(active.severityOverride, minSeverity)));
  const integrationChecksOf = checksByFieldsPresent(checksOf.integration);
  const responseChecksOf = checksByFieldsPresent(checksOf.integrationResponse);

  function visit<K extends NodeKind>(kind: K, node: NodeOf<K>, own: object, checks: readonly BoundCheck<K>[] = checksOf[kind]): void {
    // Built at most once per node and shared by its findings: most nodes have none, and a
    // node with several findings should not pay for (or hold) several copies.
    let resource: FindingResource | undefined;
    // How this node's texts are redacted: with the credentials its own fields hold, looked for
    // only once it has a finding.
    let clean: Redaction | undefined;
    for (const { active, check } of checks) {
      let problems: Problem[];
      try {
        problems = check(node);
      } catch (error) {
        clean ??= redactionOf(own);
        // Redacted here, once, so no output can repeat a credential an API or route name holds.
        resource ??= describeNode(kind, node, clean);
        errors.push({ source: 'engine', ruleId: active.rule.meta.id, arn: resource.arn, apiId: node.api.ApiId, message: redact(`rule ${active.rule.meta.id} crashed: ${(error as Error)?.message ?? String(error)}`) });
        continue;
      }
      for (const problem of problems) {
        const severity = active.severityOverride ?? problem.severity ?? active.rule.meta.severity;
        if (!atLeast(severity, minSeverity)) continue;
        clean ??= redactionOf(own);
        resource ??= describeNode(kind, node, clean);
        findings.add(toFinding(active.rule, severity, problem, resource, clean));
      }
    }
  }

  for (const api of snapshot.apis) {
    const index = new ApiIndex(api);
    const apiNode = { api, index };
    visit('api', apiNode, api);
    for (const integration of api.integrations) {
      const integrationNode = { api, index, integration, routes: index.routesTargeting(integration) };
      visit('integration', integrationNode, integration, integrationChecksOf[fieldsPresent(integration)]);
      for (const response of integration.integrationResponses) {
        // Written out rather than spread from integrationNode: this runs once per response, and
        // V8 builds a literal several times faster than a spread copy.
        const node = { api, index, integration, routes: integrationNode.routes, response };
        visit('integrationResponse', node, response, responseChecksOf[fieldsPresent(response)]);
      }
    }
    for (const route of api.routes) {
      const routeNode = { api, index, route, integration: index.targetOf(route) };
      visit('route', routeNode, route);
      for (const response of route.routeResponses) {
        const node = { api, index, route, integration: routeNode.integration, response };
        visit('routeResponse', node, response);
      }
    }
  }
  return { findings: sortFindings(findings.all(arnsMayRepeat)), errors };
}

type NodeOf<K extends NodeKind> = Parameters<NonNullable<RuleChecks[K]>>[0];

interface BoundCheck<K extends NodeKind> {
  active: ActiveRule;
  check: (node: NodeOf<K>) => Problem[];
}

/** For each kind of node, the rules that check it, so the walk never asks a rule that has nothing to say. */
function checksByKind(rules: readonly ActiveRule[]): { [K in NodeKind]: BoundCheck<K>[] } {
  const bind = <K extends NodeKind>(kind: K): BoundCheck<K>[] =>
    rules.flatMap((active) => {
      const check = active.rule.check[kind] as ((node: NodeOf<K>) => Problem[]) | undefined;
      return check === undefined ? [] : [{ active, check: check.bind(active.rule.check) }];
    });
  return { api: bind('api'), integration: bind('integration'), integrationResponse: bind('integrationResponse'), route: bind('route'), routeResponse: bind('routeResponse') };
}

/**
 * The checks of integrations (or of integration responses) to call for each set of optional
 * fields the resource has (indexed by `fieldsPresent`): a check declared to report only with
 * some of them is left out where the resource has none. Most resources have none, and most of
 * their checks are such.
 */
function checksByFieldsPresent<K extends 'integration' | 'integrationResponse'>(checks: readonly BoundCheck<K>[]): BoundCheck<K>[][] {
  return Array.from({ length: 1 << OPTIONAL_FIELDS.length }, (_, present) => checks.filter(({ active }) => mayReport(active.rule.meta.reportsOnlyWith, present)));
}

function toFinding(rule: Rule, severity: Severity, problem: Problem, resource: FindingResource, clean: Redaction): Finding {
  return {
    ruleId: rule.meta.id,
    rule: rule.meta.name,
    ruleKind: rule.meta.kind,
    severity,
    title: rule.meta.title,
    message: clean.text(problem.message),
    resource,
    path: clean.text(problem.path),
    remediation: rule.meta.remediation,
    fingerprint: fingerprintOf(rule.meta.id, resource.arn, problem.path),
  };
}
