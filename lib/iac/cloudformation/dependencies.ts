import { isPlainObject } from '../../rules/values';
import { intrinsicCall } from './intrinsics';
import { subPlaceholders } from './sub-placeholders';

/**
 * The first circular dependency between resources reachable from `from` (every resource when
 * not given), as a path that returns to its start (`["A", "B", "A"]`), or undefined.
 * CloudFormation rejects such a template ("Circular dependency between resources"), so the
 * scan reports it as an error for the file. Dependencies are `Ref`, `Fn::GetAtt`, `${Name}` in
 * `Fn::Sub` and `DependsOn`; they are worked out only for the resources the search reaches, and
 * the search keeps its own stack, so neither a 20 MB template nor a chain of thousands of
 * resources costs more than one pass.
 */
export function findDependencyCycle(resources: Record<string, unknown>, from: Iterable<string> = Object.keys(resources)): string[] | undefined {
  const names = new Set(Object.keys(resources));
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of from) {
    if (state.has(start) || !names.has(start)) continue;
    // Each entry: a resource on the current path and the dependencies of it still to visit.
    const path: { name: string; next: Iterator<string> }[] = [];
    const enter = (name: string) => {
      state.set(name, 'visiting');
      path.push({ name, next: dependenciesOf(resources[name], names).values() });
    };
    enter(start);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const step = top.next.next();
      if (step.done === true) {
        state.set(top.name, 'done');
        path.pop();
      } else if (state.get(step.value) === 'visiting') {
        const onPath = path.map((entry) => entry.name);
        return [...onPath.slice(onPath.indexOf(step.value)), step.value];
      } else if (!state.has(step.value)) {
        enter(step.value);
      }
    }
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
    // `${!Literal}` and `${}` name nothing.
    if (typeof text === 'string') for (const { name } of subPlaceholders(text)) if (name !== '' && !name.startsWith('!') && !(name in local)) add(name.split('.')[0]);
    collect(variables, names, found);
    return;
  }
  for (const item of Object.values(value)) collect(item, names, found);
}
