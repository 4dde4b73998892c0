import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

/** What the figures were measured on: absolute times mean little without it. */
export interface Machine {
  /** What `nproc` prints: the cores this process may run on. */
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()}`,
  };
}

/**
 * The 1-minute load average: how many runnable processes competed for the cores. On a shared
 * machine it tells a reader whether a time was measured alone or beside other work.
 */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
