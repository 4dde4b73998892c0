import { spawnSync } from 'node:child_process';
import { median } from './median';

/** `apigw-audit rules` against a bare `node -e 0`, each in fresh processes, alternating. */
export interface CliStartResult {
  runs: number;
  nodeMs: number[];
  rulesMs: number[];
  medianNodeMs: number;
  medianRulesMs: number;
}

const BIN = 'bin/apigw-audit.cjs';

/**
 * Wall time of a whole process, as a user at a prompt sees it. The two alternate run by run,
 * so a burst of load on the shared machine weighs on both alike; a warm-up of each first, so
 * neither pays for a cold file cache. The CLI must be built (npm run build).
 */
export function benchCliStart(runs: number): CliStartResult {
  const nodeMs: number[] = [];
  const rulesMs: number[] = [];
  timeProcess(['-e', '0']);
  timeProcess([BIN, 'rules']);
  for (let run = 0; run < runs; run++) {
    nodeMs.push(timeProcess(['-e', '0']));
    rulesMs.push(timeProcess([BIN, 'rules']));
  }
  return { runs, nodeMs, rulesMs, medianNodeMs: median(nodeMs), medianRulesMs: median(rulesMs) };
}

function timeProcess(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${child.status}): ${child.stderr}`);
  return ms;
}
