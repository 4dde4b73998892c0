import { isPlainObject } from '../../rules/values';
import { intrinsicCall } from './intrinsics';

/**
 * The first circular dependency between resources, as a path that returns to its start
 * (`["A", "B", "A"]`), or undefined. CloudFormation rejects such a template ("Circular
 * dependency between resources"), so the scan reports it as an error for the file.
 * Dependencies are `Ref`, `Fn::GetAtt`, `${Name}` in `Fn::Sub` and `DependsOn`.
 */
export function findDependencyCycle(resources: Record<string, unknown>): string[] | undefined {
  const names = new Set(Object.keys(resources));
  const edges = new Map([...names].map((name) => [name, dependenciesOf(resources[name], names)] as const));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of names) {
    const cycle = visit(name);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

function dependenciesOf(resource: unknown, names: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (!isPlainObject(resource)) return found;
  const dependsOn = resource['DependsOn'];
  for (const name of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) if (typeof name === 'string' && names.has(name)) found.add(name);
  collect(resource['Properties'], names, found);
  return found;
}

function collect(value: unknown, names: ReadonlySet<string>, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, names, found);
    return;
  }
  if (!isPlainObject(value)) return;
  const call = intrinsicCall(value);
  const add = (name: unknown) => {
    if (typeof name === 'string' && names.has(name)) found.add(name);
  };
  if (call?.name === 'Ref') add(call.argument);
  else if (call?.name === 'Fn::GetAtt') add(Array.isArray(call.argument) ? call.argument[0] : String(call.argument).split('.')[0]);
  else if (call?.name === 'Fn::Sub') {
    const [text, variables] = Array.isArray(call.argument) ? call.argument : [call.argument, {}];
    const local = isPlainObject(variables) ? variables : {};
    if (typeof text === 'string') for (const [, name] of text.matchAll(/\$\{([^}!][^}]*)\}/g)) if (!(name! in local)) add(name!.split('.')[0]);
    collect(variables, names, found);
    return;
  }
  for (const item of Object.values(value)) collect(item, names, found);
}
