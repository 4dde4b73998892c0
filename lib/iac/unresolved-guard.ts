import type { ActiveRule } from '../engine/evaluate';
import type { SnapshotApi } from '../model/snapshot';
import { DECIDED_ON_KNOWN_TEXT, isUnknownField, isUnresolved, markUnknown, type Unresolved } from '../model/unresolved';
import type { Problem, Rule, RuleChecks } from '../rules/rule';
import { overlaps, parsePropertyPath, type PropertyPath } from './property-path';

/** How many problems the guard withheld in a run, for the scan summary. */
export interface GuardStats {
  withheld: number;
}

type Kind = keyof RuleChecks;
type AnyNode = Parameters<NonNullable<RuleChecks[Kind]>>[0];
type AnyCheck = (node: AnyNode) => Problem[];

/**
 * Wraps rules so that no finding rests on a value a template reader could not resolve, without
 * any rule knowing about it. Each check runs on a view of its node that records what the check
 * reads. A problem is withheld when the check
 * - read an unresolved value, or a field marked unknown, other than by listing a map of its
 *   own resource (a rule that compares `IntegrationType`, follows a route's `Target` or counts
 *   an integration's responses decided on something it could not see), or
 * - listed a map of its own resource holding an unresolved value and reports at, inside or
 *   around that value (`ResponseTemplates["$default"]` when that template is unresolved).
 * A problem about another entry of the same map stands: IR004 still reports a misspelt key
 * whose neighbour's value is `!Sub ...`. A partial value (a string with known and unknown
 * parts) counts as read only when the check did not declare, through `readKnownText`, that it
 * decided on the known text alone.
 */
export function guardRules(rules: readonly ActiveRule[], stats: GuardStats): ActiveRule[] {
  return rules.map((active) => ({ ...active, rule: guardRule(active.rule, stats) }));
}

function guardRule(rule: Rule, stats: GuardStats): Rule {
  const check: RuleChecks = {};
  for (const kind of Object.keys(rule.check) as Kind[]) {
    const original = rule.check[kind] as AnyCheck | undefined;
    if (original === undefined) continue;
    const guarded: AnyCheck = (node) => {
      const reads = new ReadTracker(kind, node);
      const problems = original(reads.view());
      const kept = problems.filter((problem) => reads.allows(problem.path));
      stats.withheld += problems.length - kept.length;
      return kept;
    };
    (check as Record<Kind, AnyCheck>)[kind] = guarded;
  }
  return { meta: rule.meta, check };
}

/** The resource a check of each kind reports on: the one its problems' paths are relative to. */
function ownResource(kind: Kind, node: AnyNode): object {
  const parts = node as unknown as Record<string, object>;
  const key = { api: 'api', integration: 'integration', integrationResponse: 'response', route: 'route', routeResponse: 'response' }[kind];
  return parts[key]!;
}

class ReadTracker {
  private readonly own: object;
  private readonly resources: WeakSet<object>;
  private readonly views = new Map<object, object>();
  private readonly listed = new WeakSet<object>();
  /** Unresolved values read while listing the own resource's maps, as paths inside it. */
  private readonly listedReads: PropertyPath[] = [];
  private readUnknown = false;
  /** Reads of partial values, each recorded at the end unless the check decided on its known text. */
  private readonly partialReads: { decided: boolean; record: () => void }[] = [];

  constructor(
    kind: Kind,
    private readonly node: AnyNode,
  ) {
    this.own = ownResource(kind, node);
    this.resources = resourcesOf(node.api);
  }

  /** The node as the check sees it; the links the engine worked out carry their own doubt. */
  view(): AnyNode {
    const node: Record<string, unknown> = { ...this.node };
    const { api } = this.node;
    if ('routes' in node && (isUnknownField(api, 'routes') || api.routes.some(hasUnknownTarget))) markUnknown(node, 'routes');
    if ('route' in node && 'integration' in node) {
      const route = node['route'] as SnapshotApi['routes'][number];
      if (hasUnknownTarget(route) || isUnknownField(api, 'integrations')) markUnknown(node, 'integration');
    }
    return this.wrap(node, undefined, []) as AnyNode;
  }

  allows(path: string): boolean {
    for (const read of this.partialReads.splice(0)) if (!read.decided) read.record();
    if (this.readUnknown) return false;
    if (this.listedReads.length === 0) return true;
    const parsed = parsePropertyPath(path);
    return parsed !== undefined && !this.listedReads.some((read) => overlaps(read, parsed));
  }

  private wrap(value: object, owner: object | undefined, path: PropertyPath): object {
    const known = this.views.get(value);
    if (known !== undefined) return known;
    const view = new Proxy(value, {
      get: (target, property, receiver) => {
        const result: unknown = Reflect.get(target, property, receiver);
        if (typeof property === 'symbol') return result;
        if (isUnknownField(target, property)) this.readUnknown = true;
        if (isUnresolved(result)) {
          const record = () => this.record(target, owner, [...path, property]);
          if (result.pieces !== undefined) return this.partial(result, record);
          record();
          return result;
        }
        if (typeof result !== 'object' || result === null || !isConfigurable(target, property)) return result;
        return this.resources.has(result) ? this.wrap(result, result, []) : this.wrap(result, owner, [...path, property]);
      },
      ownKeys: (target) => {
        this.listed.add(target);
        return Reflect.ownKeys(target);
      },
    });
    this.views.set(value, view);
    return view;
  }

  /** A view of a partial value that remembers whether the check decided on its known text. */
  private partial(value: Unresolved, record: () => void): Unresolved {
    const read = { decided: false, record };
    this.partialReads.push(read);
    const decided = () => {
      read.decided = true;
    };
    return new Proxy(value, { get: (target, property, receiver) => (property === DECIDED_ON_KNOWN_TEXT ? decided : Reflect.get(target, property, receiver)) });
  }

  private record(target: object, owner: object | undefined, path: PropertyPath): void {
    if (owner === this.own && this.listed.has(target)) this.listedReads.push(path);
    else this.readUnknown = true;
  }
}

function hasUnknownTarget(route: SnapshotApi['routes'][number]): boolean {
  return isUnresolved(route.Target) || isUnknownField(route, 'Target');
}

/** A Proxy must return a non-configurable, read-only property's own value, not a view of it. */
function isConfigurable(target: object, property: string): boolean {
  const descriptor = Reflect.getOwnPropertyDescriptor(target, property);
  return descriptor === undefined || descriptor.configurable === true || descriptor.writable === true;
}

const resourceSets = new WeakMap<SnapshotApi, WeakSet<object>>();

/** The API and every resource below it: a read that reaches one starts a path inside it. */
function resourcesOf(api: SnapshotApi): WeakSet<object> {
  const cached = resourceSets.get(api);
  if (cached !== undefined) return cached;
  const set = new WeakSet<object>([api]);
  for (const integration of api.integrations) {
    set.add(integration);
    for (const response of integration.integrationResponses) set.add(response);
  }
  for (const route of api.routes) {
    set.add(route);
    for (const response of route.routeResponses) set.add(response);
  }
  resourceSets.set(api, set);
  return set;
}
