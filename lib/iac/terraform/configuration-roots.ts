import { localModuleDirs } from './read-configuration';

/**
 * Which Terraform folders of a scan are configurations to read: the folders no other folder
 * calls as a local module (those are read through their caller, with its inputs), then, in
 * order, any folder not reached from those (modules that only call each other, or themselves),
 * so a module cycle is read and reported rather than skipped as "a module of something",
 * which gave exit 0 and "0 APIs, complete".
 */
export async function configurationRoots(terraformDirs: ReadonlySet<string>): Promise<string[]> {
  const calls = new Map<string, string[]>();
  for (const dir of terraformDirs) calls.set(dir, await localModuleDirs(dir).catch(() => []));
  const calledByOthers = new Set([...calls].flatMap(([dir, modules]) => modules.filter((module) => module !== dir)));
  const sorted = [...terraformDirs].sort();
  const roots = sorted.filter((dir) => !calledByOthers.has(dir));
  const reached = new Set<string>();
  const reach = (start: string) => {
    const pending = [start];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      if (reached.has(dir)) continue;
      reached.add(dir);
      for (const module of calls.get(dir) ?? []) pending.push(module);
    }
  };
  roots.forEach(reach);
  for (const dir of sorted) {
    if (reached.has(dir)) continue;
    roots.push(dir);
    reach(dir);
  }
  return roots;
}
