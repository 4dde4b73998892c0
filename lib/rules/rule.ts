import type { RuleKind } from '../model/rule-kind';
import type { Severity } from '../model/severity';
import type {
  SnapshotApi,
  SnapshotIntegration,
  SnapshotIntegrationResponse,
  SnapshotRoute,
  SnapshotRouteResponse,
} from '../model/snapshot';
import type { ApiIndex } from '../model/api-index';
import type { ApiSketch } from '../model/sketch';
import type { OptionalField } from './reports-only-with';

export type { RuleKind } from '../model/rule-kind';

export interface RuleMeta {
  /** Stable forever (docs/design.md, "Rules"), e.g. "IR004"; also the rule's file name. */
  id: string;
  /** Kebab-case name from the catalog, e.g. "ir-response-param-key-invalid". */
  name: string;
  kind: RuleKind;
  /** Default severity; configuration may override it. */
  severity: Severity;
  title: string;
  /** Why it matters, in a sentence or two (the catalog's "why"). */
  rationale: string;
  remediation: string;
  /**
   * False for a rule that runs only when configuration turns it on: a heuristic whose measured
   * precision did not earn it a place by default (its rationale says why). Absent means on.
   */
  enabledByDefault?: false;
  /** The AWS documentation (or other source) behind the rule. */
  source: string;
  /** One configuration that fires and one that stays quiet; tested, and shown in the rule's doc. */
  examples: { fires: ApiSketch; quiet: ApiSketch };
  /**
   * For a rule whose `integration` and `integrationResponse` checks read their evidence only
   * from these optional fields of the resource they report on: a check never reports on a
   * resource that has none of them, so the engine does not call it there (most responses have
   * neither templates nor parameters, most integrations no parameters). Absent: called on every
   * such resource. test/rules/reports-only-with.test.ts holds every declaration to it.
   */
  reportsOnlyWith?: readonly OptionalField[];
}

/** What a check reports: where (a path inside the resource) and what, in one sentence. */
export interface Problem {
  path: string;
  message: string;
  /** Only for rules whose severity depends on the evidence (IR013, IR014); else the rule's. */
  severity?: Severity;
}

export interface ApiNode {
  api: SnapshotApi;
  /** The API's lookups (routes by target, integrations by id, ...), built once per API. */
  index: ApiIndex;
}

export interface IntegrationNode extends ApiNode {
  integration: SnapshotIntegration;
  /** The routes whose Target is this integration. */
  routes: readonly SnapshotRoute[];
}

export interface IntegrationResponseNode extends IntegrationNode {
  response: SnapshotIntegrationResponse;
}

export interface RouteNode extends ApiNode {
  route: SnapshotRoute;
  /** The integration the route targets, when it is in the snapshot. */
  integration: SnapshotIntegration | undefined;
}

export interface RouteResponseNode extends RouteNode {
  response: SnapshotRouteResponse;
}

/**
 * The checks of one rule, keyed by the resource they report on (ESLint-style visitors): the
 * engine walks the snapshot and hands each check exactly the node it asks for. Checks are pure:
 * no I/O, no state between calls.
 */
export interface RuleChecks {
  api?(node: ApiNode): Problem[];
  integration?(node: IntegrationNode): Problem[];
  integrationResponse?(node: IntegrationResponseNode): Problem[];
  route?(node: RouteNode): Problem[];
  routeResponse?(node: RouteResponseNode): Problem[];
}

export interface Rule {
  meta: RuleMeta;
  check: RuleChecks;
}
