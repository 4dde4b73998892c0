import { ApiIndex } from '../model/api-index';
import type { ActiveRule } from '../engine/evaluate';
import type { SnapshotApi } from '../model/snapshot';
import { DECIDED_ON_KNOWN_TEXT, hasUnknownFields, isUnknownField, isUnresolved, markUnknown, type Unresolved } from '../model/unresolved';
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
  const tracker = new ReadTracker();
  return rules.map((active) => ({ ...active, rule: guardRule(active.rule, tracker, stats) }));
}

function guardRule(rule: Rule, tracker: ReadTracker, stats: GuardStats): Rule {
  const check: RuleChecks = {};
  for (const kind of Object.keys(rule.check) as Kind[]) {
    const original = rule.check[kind] as AnyCheck | undefined;
    if (original === undefined) continue;
    const guarded: AnyCheck = (node) => {
      try {
        const problems = original(tracker.start(kind, node));
        const kept = problems.length === 0 ? problems : problems.filter((problem) => tracker.allows(problem.path));
        stats.withheld += problems.length - kept.length;
        return kept;
      } finally {
        // Also after a check that throws (the engine reports it and goes on with the next).
        tracker.finish();
      }
    };
    (check as Record<Kind, AnyCheck>)[kind] = guarded;
  }
  return { meta: rule.meta, check };
}

/** The resource a check of each kind reports on: the one its problems' paths are relative to. */
const OWN_RESOURCE: Record<Kind, string> = { api: 'api', integration: 'integration', integrationResponse: 'response', route: 'route', routeResponse: 'response' };

/** The parts of a node the engine hands every check; a node's view is reused while they are the same. */
const NODE_PARTS = ['api', 'index', 'integration', 'routes', 'response', 'route'] as const;

/**
 * Records what one check at a time reads. Only objects through which a check can reach an
 * unresolved value or a field marked unknown are watched; the others are handed out as they
 * are, since nothing read in them can withhold a problem. The views (proxies) of an API's
 * objects are made once for the API and shared by every check of it, and a node's view by every
 * check of the node (the engine runs a node's checks one after another), so a check pays for
 * what it reads rather than for wrapping the node again; only what a check read is reset
 * between checks.
 */
class ReadTracker {
  /** The API whose objects `views` holds views of. */
  private api: SnapshotApi | undefined;
  private resources = new WeakSet<object>();
  /** The API's objects that hold, at any depth, an unresolved value or a field marked unknown. */
  private doubtful = new WeakSet<object>();
  private views = new Map<object, object>();
  /** Whether a route of the API has a Target the scan could not resolve. */
  private someTargetUnknown = false;
  /** The node the current view is of: the engine's object and its parts when the view was made. */
  private node: AnyNode | undefined;
  private readonly nodeParts: unknown[] = [];
  private kind: Kind | undefined;
  /** The node as checks see it: a copy with the links the engine worked out marked when in doubt. */
  private nodeCopy: object | undefined;
  private nodeView: AnyNode | undefined;

  // What the current check read, reset by finish().
  private own: object | undefined;
  /**
   * The index the current check asks, made when it first does: its own, so every lookup it
   * builds is read through the views.
   */
  private index: ApiIndex | undefined;
  private readonly listed = new Set<object>();
  /** Unresolved values read while listing the own resource's maps, as paths inside it. */
  private readonly listedReads: PropertyPath[] = [];
  private readUnknown = false;
  /** Reads of partial values, each recorded at the end unless the check decided on its known text. */
  private readonly partialReads: { decided: boolean; record: () => void }[] = [];

  /** The view of `node` for a check of `kind` to read. */
  start(kind: Kind, node: AnyNode): AnyNode {
    const { api } = node;
    if (api !== this.api) this.enterApi(api);
    if (!this.sameNode(kind, node)) this.enterNode(kind, node);
    this.own = (node as unknown as Record<string, object>)[OWN_RESOURCE[kind]];
    return this.nodeView!;
  }

  private indexOf(api: SnapshotApi): ApiIndex {
    return new ApiIndex(this.doubtful.has(api) ? (this.wrap(api, api, []) as SnapshotApi) : api);
  }

  allows(path: string): boolean {
    this.settlePartialReads();
    if (this.readUnknown) return false;
    if (this.listedReads.length === 0) return true;
    const parsed = parsePropertyPath(path);
    return parsed !== undefined && !this.listedReads.some((read) => overlaps(read, parsed));
  }

  /** Forgets what the check read, so the next check starts clean. */
  finish(): void {
    // Most checks read nothing doubtful: the lists are emptied only when they hold something.
    if (this.partialReads.length > 0) this.partialReads.length = 0;
    if (this.listed.size > 0) this.listed.clear();
    if (this.listedReads.length > 0) this.listedReads.length = 0;
    this.readUnknown = false;
    this.index = undefined;
  }

  private settlePartialReads(): void {
    for (const read of this.partialReads.splice(0)) if (!read.decided) read.record();
  }

  private enterApi(api: SnapshotApi): void {
    this.api = api;
    this.resources = resourcesOf(api);
    this.doubtful = new WeakSet();
    markDoubtful(api, this.doubtful, 0);
    this.views = new Map();
    this.someTargetUnknown = api.routes.some(hasUnknownTarget);
    this.node = undefined;
  }

  private sameNode(kind: Kind, node: AnyNode): boolean {
    if (node !== this.node || kind !== this.kind) return false;
    const parts = node as unknown as Record<string, unknown>;
    for (let position = 0; position < NODE_PARTS.length; position += 1) if (parts[NODE_PARTS[position]!] !== this.nodeParts[position]) return false;
    return true;
  }

  /** The links the engine worked out carry their own doubt. */
  private enterNode(kind: Kind, node: AnyNode): void {
    const parts = node as unknown as Record<string, unknown>;
    this.node = node;
    this.kind = kind;
    NODE_PARTS.forEach((part, position) => (this.nodeParts[position] = parts[part]));
    const copy: Record<string, unknown> = { ...parts };
    const { api } = node;
    if ('routes' in copy && (isUnknownField(api, 'routes') || this.someTargetUnknown)) markUnknown(copy, 'routes');
    if ('route' in copy && 'integration' in copy) {
      const route = copy['route'] as SnapshotApi['routes'][number];
      if (hasUnknownTarget(route) || isUnknownField(api, 'integrations')) markUnknown(copy, 'integration');
    }
    // What the engine put beside the API's own objects (the routes that target an integration)
    // is doubtful when what it holds is.
    for (const [name, part] of Object.entries(copy)) {
      if (name !== 'index' && typeof part === 'object' && part !== null && !this.resources.has(part)) markDoubtful(part, this.doubtful, 0);
    }
    this.nodeCopy = copy;
    this.nodeView = this.wrap(copy, undefined, []) as AnyNode;
  }

  private wrap(value: object, owner: object | undefined, path: PropertyPath): object {
    const known = this.views.get(value);
    if (known !== undefined) return known;
    const view = new Proxy(value, {
      get: (target, property, receiver) => {
        // The index answers from the watched API, so what it reads for a check counts as the
        // check's reads; it is the check's own and is handed out as it is rather than wrapped.
        if (target === this.nodeCopy && property === 'index') return (this.index ??= this.indexOf(this.api!));
        const result: unknown = Reflect.get(target, property, receiver);
        if (typeof property === 'symbol') return result;
        if (isUnknownField(target, property)) this.readUnknown = true;
        if (isUnresolved(result)) {
          const record = () => this.record(target, owner, [...path, property]);
          if (result.pieces !== undefined) return this.partial(result, record);
          record();
          return result;
        }
        if (typeof result !== 'object' || result === null || !this.doubtful.has(result) || !isConfigurable(target, property)) return result;
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

/**
 * How deep the search for doubtful objects goes; below it everything counts as doubtful, so a
 * pathological nesting costs watching, never a finding resting on an unseen value.
 */
const MAX_DOUBT_DEPTH = 200;

/** Adds `value` and every object in it that leads to an unresolved value or a field marked unknown; whether `value` does. */
function markDoubtful(value: object, doubtful: WeakSet<object>, depth: number): boolean {
  let doubt = depth >= MAX_DOUBT_DEPTH || hasUnknownFields(value);
  for (const child of Object.values(value)) {
    if (typeof child !== 'object' || child === null) continue;
    // Each object is searched in full (no early return), so every doubtful one inside is marked.
    if (isUnresolved(child) || markDoubtful(child, doubtful, depth + 1)) doubt = true;
  }
  if (doubt) doubtful.add(value);
  return doubt;
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
